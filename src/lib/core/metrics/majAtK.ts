import { majAtKCurve } from './majAtKCurve';

export interface Vote {
	/** Extracted answer; null when none was found (such a sample never wins the vote). */
	answer: string | null;
	correct: boolean;
}

/**
 * maj@k (self-consistency): the majority answer of the first k votes, scored 1 when correct.
 * A tie scores the fraction of tied answers that are correct (the expected value of a random
 * tie-break). When none of the k samples has an answer, the vote produces none and scores 0.
 * Undefined when fewer than k votes exist.
 */
export function majAtK(votes: readonly Vote[], k: number): number | undefined {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`majAtK(votes, k) needs an integer k >= 1, got ${k}`);
	return majAtKCurve(votes, [k])[0];
}
