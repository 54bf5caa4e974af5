// Direct preference optimisation (Rafailov et al., 2023) on the model's own samples: for a problem
// with both a correct and an incorrect sample, raise the correct one's log-probability relative to
// a frozen reference (the previous iteration) and lower the incorrect one's. The paper's iterative
// DPO variant of Algorithm 1 uses exactly such pairs.
import type { ModelConfig } from './config';
import { trainSequence } from './backprop';
import { sequenceCost, splitPoint, type GradientHelper, type SequenceResult } from './gradientHelper';
import { createDecoder, logSoftmax } from './infer';
import type { Example } from './data';
import type { SampleGroup } from './selfImprove';
import type { BatchGradient } from './train';

export interface PreferencePair {
	chosen: Example;
	rejected: Example;
	/** Reference log-probabilities of the completions (summed over their target tokens). */
	refChosen: number;
	refRejected: number;
}

/** log p(completion | prompt): the sum of the target tokens' log-probabilities, forward pass only. */
export function completionLogProb(c: ModelConfig, w: Float64Array, e: Example): number {
	const dec = createDecoder(c, w);
	let sum = 0;
	e.tokens.forEach((token, t) => {
		const logits = dec.step(token);
		const target = e.target[t]!;
		if (target >= 0) sum += logSoftmax(logits)[target]!;
	});
	return sum;
}

/**
 * Pairs the i-th correct sample of a problem with its i-th incorrect one (as many pairs as the
 * shorter list has), scored by the reference weights.
 */
export function preferencePairs(c: ModelConfig, reference: Float64Array, groups: readonly SampleGroup[], maxPerProblem: number): PreferencePair[] {
	const pairs: PreferencePair[] = [];
	for (const g of groups) {
		const n = Math.min(g.correct.length, g.incorrect.length, maxPerProblem);
		for (let i = 0; i < n; i++) {
			const chosen = g.correct[i]!;
			const rejected = g.incorrect[i]!;
			pairs.push({ chosen, rejected, refChosen: completionLogProb(c, reference, chosen), refRejected: completionLogProb(c, reference, rejected) });
		}
	}
	return pairs;
}

const logSigmoid = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The DPO loss -log sigmoid(beta * ((log pi(y+) - log ref(y+)) - (log pi(y-) - log ref(y-)))),
 * plus `nll` times the chosen completion's mean token cross-entropy, averaged over the batch. The
 * NLL term is the iterative RPO recipe (Pang et al., 2024): without it, pairs that differ in a few
 * digits push both completions down and the tiny models stop finishing their solutions. The
 * gradient mixes each completion's cross-entropy gradient, taken once.
 */
export function dpoGradient(c: ModelConfig, w: Float64Array, beta: number, nll = 0, helper: GradientHelper | null = null): BatchGradient<PreferencePair> {
	const plus = new Float64Array(w.length);
	const minus = new Float64Array(w.length);
	const cost = (p: PreferencePair): number => sequenceCost(c, p.chosen.tokens.length) + sequenceCost(c, p.rejected.tokens.length);
	return (batch, grads) => {
		// The helper takes the batch's last pairs (both completions of each); their terms combine after the head's, in batch order.
		const split = helper ? splitPoint(batch.map(cost), Math.floor(helper.capacity / 2)) : batch.length;
		const tail = batch.slice(split);
		if (helper && tail.length > 0) helper.start(w, tail.flatMap((p) => [{ ...p.chosen, weight: 1 }, { ...p.rejected, weight: 1 }]), 'whole');
		let helpedResults: SequenceResult[] | null = null;
		let loss = 0;
		let tokens = 0;
		for (const [j, pair] of batch.entries()) {
			let chosen: { loss: number; count: number }, nllRejected: number, gPlus: Float64Array, gMinus: Float64Array;
			if (j < split) {
				plus.fill(0);
				minus.fill(0);
				chosen = trainSequence(c, w, plus, pair.chosen.tokens, pair.chosen.target, 1);
				nllRejected = trainSequence(c, w, minus, pair.rejected.tokens, pair.rejected.target, 1).loss;
				gPlus = plus;
				gMinus = minus;
			} else {
				const done = (helpedResults ??= helper!.finish());
				const [a, b] = [done[2 * (j - split)]!, done[2 * (j - split) + 1]!];
				chosen = a;
				nllRejected = b.loss;
				gPlus = a.dense;
				gMinus = b.dense;
			}
			const margin = beta * (-chosen.loss - pair.refChosen - (-nllRejected - pair.refRejected));
			loss += -logSigmoid(margin) + (nll * chosen.loss) / chosen.count;
			const k = (beta * sigmoid(-margin)) / batch.length;
			const kPlus = k + nll / chosen.count / batch.length;
			for (let i = 0; i < grads.length; i++) grads[i] = grads[i]! + kPlus * gPlus[i]! - k * gMinus[i]!;
			tokens += pair.chosen.tokens.length + pair.rejected.tokens.length;
		}
		return { loss, count: batch.length, tokens };
	};
}
