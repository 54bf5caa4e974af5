// The problem that shows a collapse of diversity best: the first model solved it in the most
// distinct ways and the last model in the fewest (but still solved it). Pure: it runs in the report
// worker over its sample index, and in unit tests (the demo's summary links to it).
import type { Sample } from '../types';

/** A problem the first model solved in several distinct ways and the last in fewer. */
export interface Showcase {
	problem: string;
	fromWays: number;
	toWays: number;
}

/** Distinct correct sampled solutions (greedy excluded), compared with whitespace collapsed. */
export function distinctWays(samples: readonly Sample[] | undefined): number {
	return new Set((samples ?? []).filter((s) => s.index >= 0 && s.correct).map((s) => s.text.trim().replace(/\s+/g, ' '))).size;
}

/**
 * Over the problems in order, the one with the largest drop in distinct correct solutions from
 * `from` to `to`, where `from` has at least two and `to` at least one; undefined when none dropped.
 */
export function showcaseProblem(byProblem: Iterable<[string, ReadonlyMap<string, readonly Sample[]>]>, from: string, to: string): Showcase | undefined {
	let best: Showcase | undefined;
	for (const [problem, perModel] of byProblem) {
		const fromWays = distinctWays(perModel.get(from));
		const toWays = distinctWays(perModel.get(to));
		if (fromWays < 2 || toWays < 1 || toWays >= fromWays) continue;
		if (!best || fromWays - toWays > best.fromWays - best.toWays) best = { problem, fromWays, toWays };
	}
	return best;
}
