import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSampleIndex, createLiveSamples, type SampleIndex } from '../../../src/lib/core/samples';
import { truncationOf } from '../../../src/lib/core/study';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { sampleKey, type Sample } from '../../../src/lib/core/types';

const flat = (index: SampleIndex) => [...index.byProblem].map(([p, perModel]) => [p, [...perModel].map(([m, list]) => [m, list.map((s) => `${s.index}:${s.text}`)])]);
const study = syntheticBundle({ models: 3, problems: 8, n: 5, greedy: true, words: 6, seed: 2 });

describe('createLiveSamples', () => {
	it('createLiveSamples(bundle).add(batches) holds the bundle, index and truncation counts a rebuild would, in the same order, with replaced samples replaced', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(study.samples.length - 1), fc.boolean()), { maxLength: 60 }), fc.nat(20), (picks, cut) => {
				const start = study.samples.slice(0, cut * 4);
				const live = createLiveSamples({ ...study, samples: start });
				const want = new Map(start.map((s) => [sampleKey(s), s]));
				// An edit also changes whether the sample was cut at max tokens, so a replacement must take its count back.
				const edited = (i: number): Sample => ({ ...study.samples[i]!, text: `${study.samples[i]!.text} (edited ${i})`, finish: i % 2 ? 'length' : 'stop' });
				const batch: Sample[] = picks.map(([i, edit]) => (edit ? edited(i) : study.samples[i]!));
				for (let b = 0; b < batch.length; b += 7) live.add(batch.slice(b, b + 7));
				for (const s of batch) want.set(sampleKey(s), s);
				expect(new Map(live.bundle.samples.map((s) => [sampleKey(s), s]))).toEqual(want);
				expect(live.bundle.samples.length).toBe(want.size);
				expect(flat(live.index)).toEqual(flat(buildSampleIndex(live.bundle)));
				expect(live.truncation).toEqual(truncationOf(live.bundle));
			}),
			{ numRuns: 150 }
		);
	});
	it('createLiveSamples(bundle) leaves the bundle handed in unchanged', () => {
		const samples = study.samples.slice(0, 10);
		const live = createLiveSamples({ ...study, samples });
		live.add([{ ...samples[0]!, text: 'new' }, study.samples[40]!]);
		expect(samples).toEqual(study.samples.slice(0, 10));
		expect(live.bundle.samples[0]!.text).toBe('new');
	});
});
