// One round of the paper's Algorithm 1 data step: sample N solutions per training problem from
// the current model at temperature T, keep the correct ones ('####' extraction).
import { hashString, mulberry32 } from '../core/random';
import type { ModelConfig } from './config';
import { continueFrom, createDecoder, generate } from './infer';
import { VOCAB, exampleOf, isCorrect, promptOf, type Example } from './data';

export interface TrainProblem {
	id: string;
	question: string;
	answer: string;
	level?: number;
}

export interface RoundStats {
	problems: number;
	samples: number;
	kept: number;
	/** kept / samples: the sampled accuracy of the model on its own training problems. */
	keptFraction: number;
	/** Problems with at least one kept sample. */
	problemsCovered: number;
	/** Distinct kept texts / kept. */
	distinctKept: number;
}

/** One problem's samples, split by grade: the material of preference pairs. */
export interface SampleGroup {
	problem: string;
	correct: Example[];
	/** Wrong or without an answer, but ended by the model (cut-off texts are in neither list). */
	incorrect: Example[];
}

export function sampleRound(
	c: ModelConfig, w: Float64Array, problems: readonly TrainProblem[],
	o: { n: number; temperature: number; maxTokens: number; seed: number; round: number }
): { examples: Example[]; groups: SampleGroup[]; stats: RoundStats } {
	const examples: Example[] = [];
	const groups: SampleGroup[] = [];
	const texts = new Set<string>();
	let samples = 0, covered = 0;
	for (const p of problems) {
		const dec = createDecoder(c, w);
		let logits: Float64Array = new Float64Array(0);
		for (const t of VOCAB.encode(promptOf(p.question))) logits = dec.step(t);
		let any = false;
		const group: SampleGroup = { problem: p.id, correct: [], incorrect: [] };
		groups.push(group);
		for (let k = 0; k < o.n; k++) {
			const random = mulberry32(hashString(`${o.round}|${p.id}|${k}`, o.seed >>> 0));
			const ids = continueFrom(c, dec.fork(), logits.slice(), { maxTokens: o.maxTokens, temperature: o.temperature, stop: VOCAB.eosId, random });
			const text = VOCAB.decode(ids);
			samples++;
			// A kept sample must also have ended by itself: a cut-off text is not a solution.
			if (ids.length < o.maxTokens && isCorrect(text, p.answer)) {
				const e = exampleOf(p.question, text);
				examples.push(e);
				group.correct.push(e);
				texts.add(`${p.id}\u0000${text}`);
				any = true;
			} else if (ids.length < o.maxTokens) group.incorrect.push(exampleOf(p.question, text));
		}
		if (any) covered++;
	}
	return {
		examples,
		groups,
		stats: {
			problems: problems.length,
			samples,
			kept: examples.length,
			keptFraction: samples ? examples.length / samples : 0,
			problemsCovered: covered,
			distinctKept: examples.length ? texts.size / examples.length : 0
		}
	};
}

/** Greedy accuracy per level through the trainer's own forward pass (a quick check, not the report). */
export function greedyAccuracy(c: ModelConfig, w: Float64Array, problems: readonly TrainProblem[], maxTokens: number): Record<string, number> {
	const tally = new Map<string, [number, number]>();
	for (const p of problems) {
		const text = VOCAB.decode(generate(c, w, VOCAB.encode(promptOf(p.question)), { maxTokens, temperature: 0, stop: VOCAB.eosId }));
		for (const key of ['all', `L${p.level ?? 0}`]) {
			const t = tally.get(key) ?? [0, 0];
			t[1]++;
			if (isCorrect(text, p.answer)) t[0]++;
			tally.set(key, t);
		}
	}
	return Object.fromEntries([...tally].sort().map(([k, [a, n]]) => [k, Math.round((1000 * a) / n) / 1000]));
}
