import type { Vote } from './majAtK';

/**
 * maj@k (majAtK.ts says what it scores) at every k of `ks` (in any order) from one pass over the
 * votes: the tally of the first k votes grows into the tally of the first k' > k; undefined where
 * k > votes. The one implementation: majAtK is this at a single k.
 */
export function majAtKCurve(votes: readonly Vote[], ks: readonly number[]): (number | undefined)[] {
	for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new RangeError(`majAtKCurve(votes, ks) needs integers k >= 1, got ${k}`);
	const order = ks.map((_, i) => i).sort((a, b) => ks[a]! - ks[b]!);
	const out = new Array<number | undefined>(ks.length).fill(undefined);
	const counts = new Map<string, { count: number; correct: boolean }>();
	let tallied = 0;
	for (const i of order) {
		const k = ks[i]!;
		if (votes.length < k) break;
		for (; tallied < k; tallied++) {
			const v = votes[tallied];
			if (!v || v.answer === null) continue;
			const entry = counts.get(v.answer);
			if (entry) {
				entry.count++;
				entry.correct ||= v.correct;
			} else counts.set(v.answer, { count: 1, correct: v.correct });
		}
		let best = 0;
		let tied = 0;
		let tiedCorrect = 0;
		for (const { count, correct } of counts.values()) {
			if (count > best) {
				best = count;
				tied = 0;
				tiedCorrect = 0;
			}
			if (count === best) {
				tied++;
				if (correct) tiedCorrect++;
			}
		}
		out[i] = tied === 0 ? 0 : tiedCorrect / tied;
	}
	return out;
}
