import type { Problem } from '../types';
import { mulberry32, randomInt, type Random } from '../random';

function shuffle<T>(items: T[], random: Random): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(random, 0, i);
		[items[i], items[j]] = [items[j] as T, items[i] as T];
	}
	return items;
}

/**
 * `count` problems drawn with a seeded shuffle, stratified by level: levels take turns (1, 2, ...,
 * then problems without a level), so each level gets an equal share while it has problems left.
 * The result is ordered by level turn, so a smaller count is a prefix of a larger one.
 */
export function seededSubset(problems: readonly Problem[], count: number, seed: number): Problem[] {
	const random = mulberry32(seed >>> 0);
	const groups = new Map<number, Problem[]>();
	for (const p of problems) {
		const key = p.level ?? Number.POSITIVE_INFINITY;
		const g = groups.get(key);
		if (g) g.push(p);
		else groups.set(key, [p]);
	}
	const queues = [...groups.keys()].sort((a, b) => a - b).map((k) => shuffle([...(groups.get(k) as Problem[])], random));
	const out: Problem[] = [];
	for (let round = 0; out.length < count; round++) {
		let took = false;
		for (const q of queues) {
			const p = q[round];
			if (p && out.length < count) {
				out.push(p);
				took = true;
			}
		}
		if (!took) break;
	}
	return out;
}
