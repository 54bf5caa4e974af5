// One round of the paper's Algorithm 1 data step: sample N solutions per training problem from
// the current model at temperature T, keep the correct ones ('####' extraction).
import { hashString, mulberry32 } from '../core/random';
import type { ModelConfig } from './config';
import { continueFrom, createDecoder, generate } from './infer';
import { VOCAB, isCorrect, promptOf, type Example } from './data';
import type { PoolSample } from './round';

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

/**
 * Samples N solutions per problem from `w` with the trainer's own decoder: sample k of problem p in
 * round t is drawn with mulberry32(hashString(`${t}|${p}|${k}`, seed)), one prompt pass per problem.
 */
export function samplePool(
	c: ModelConfig, w: Float64Array, problems: readonly TrainProblem[],
	o: { n: number; temperature: number; maxTokens: number; seed: number; round: number },
	onProblem?: (done: number) => void
): PoolSample[] {
	const out: PoolSample[] = [];
	problems.forEach((p, i) => {
		const dec = createDecoder(c, w);
		let logits: Float64Array = new Float64Array(0);
		for (const t of VOCAB.encode(promptOf(p.question))) logits = dec.step(t);
		for (let k = 0; k < o.n; k++) {
			const random = mulberry32(hashString(`${o.round}|${p.id}|${k}`, o.seed >>> 0));
			const ids = continueFrom(c, dec.fork(), logits.slice(), { maxTokens: o.maxTokens, temperature: o.temperature, stop: VOCAB.eosId, random });
			out.push({ problem: p.id, index: k, text: VOCAB.decode(ids), ended: ids.length < o.maxTokens });
		}
		onProblem?.(i + 1);
	});
	return out;
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
