import { createTruncationTally, type Truncation } from '../study/truncation';
import { sampleKey, type Bundle, type Sample } from '../types';
import { buildSampleIndex, type SampleIndex } from './sampleQuery';

/**
 * A run in progress: its bundle and the samples browser's index, updated in place as samples
 * arrive (work in proportion to the new samples, not to the study). A sample with the key of an
 * earlier one replaces it where it stood.
 */
export interface LiveSamples {
	readonly bundle: Bundle;
	readonly index: SampleIndex;
	/** Each model's samples cut at max tokens, as of the last add. */
	readonly truncation: Truncation[];
	add(samples: readonly Sample[]): void;
}

/** Puts s in its list (sorted by index), replacing the sample of the same index. */
function place(list: Sample[], s: Sample): void {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid]!.index < s.index) lo = mid + 1;
		else hi = mid;
	}
	if (list[lo]?.index === s.index) list[lo] = s;
	else list.splice(lo, 0, s);
}

/** Live samples from `bundle` (copied: the bundle handed in is never changed). */
export function createLiveSamples(bundle: Bundle): LiveSamples {
	const samples = [...bundle.samples];
	const at = new Map(samples.map((s, i) => [sampleKey(s), i]));
	const live: Bundle = { ...bundle, samples };
	const index = buildSampleIndex(live);
	const tally = createTruncationTally(bundle);
	for (const s of samples) tally.add(s);
	return {
		bundle: live,
		index,
		get truncation() {
			return tally.truncation;
		},
		add(batch) {
			for (const s of batch) {
				const key = sampleKey(s);
				const i = at.get(key);
				if (i === undefined) {
					at.set(key, samples.length);
					samples.push(s);
					tally.add(s);
				} else {
					tally.add(s, samples[i]);
					samples[i] = s;
				}
				let perModel = index.byProblem.get(s.problem);
				if (!perModel) index.byProblem.set(s.problem, (perModel = new Map()));
				let list = perModel.get(s.model);
				if (!list) perModel.set(s.model, (list = []));
				place(list, s);
			}
		}
	};
}
