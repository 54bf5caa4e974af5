import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTruncationTally, parseBundle, truncationOf, truncationWarnings } from '../../../src/lib/core/study';
import type { Bundle, Sample } from '../../../src/lib/core/types';

const demo = (): Bundle => {
	const r = parseBundle(readFileSync(new URL('../../../static/demo/demo-bundle.json', import.meta.url), 'utf8'));
	if (!r.ok) throw new Error('demo bundle');
	return r.bundle;
};

describe('truncationOf(bundle) and truncationWarnings(bundle)', () => {
	it('truncationOf counts finish = "length", and for samples without it those that used every allowed token', () => {
		const b = demo();
		const s = b.samples[0] as Sample;
		const samples: Sample[] = [
			{ ...s, index: 0, finish: 'length', tokens: 10 },
			{ ...s, index: 1, finish: 'stop', tokens: b.study.sampling.maxTokens },
			{ ...s, index: 2, tokens: b.study.sampling.maxTokens },
			{ ...s, index: 3, tokens: 5 }
		];
		expect(truncationOf({ ...b, samples })).toEqual([{ model: s.model, truncated: 2, samples: 4 }]);
	});

	it('truncationWarnings names each model above 5%, with its share and count', () => {
		const b = demo();
		// The shipped demo ran at 320 tokens (under 5% of its samples reached the limit): no warning. At 96, each model warns.
		expect(truncationWarnings(b)).toEqual([]);
		const at96 = { ...b, study: { ...b.study, sampling: { ...b.study.sampling, maxTokens: 96 } } };
		const first = at96.models[0]?.id as string;
		const m1 = at96.samples.filter((s) => s.model === first);
		const cut = m1.filter((s) => s.tokens >= 96).length;
		const warnings = truncationWarnings(at96);
		expect(warnings).toHaveLength(at96.models.length);
		expect(warnings[0]).toBe(
			`${first}: ${((100 * cut) / m1.length).toFixed(1)}% of samples (${cut} of ${m1.length}) were cut at the 96-token limit, over 5%: their answers may be missing. Raise max tokens and sample again.`
		);
	});

	it('a tally takes a replaced sample back, and truncationWarnings reads counts handed to it', () => {
		const b = demo();
		const s = b.samples[0] as Sample;
		const tally = createTruncationTally(b);
		tally.add({ ...s, finish: 'length' });
		expect(tally.truncation).toEqual([{ model: s.model, truncated: 1, samples: 1 }]);
		tally.add({ ...s, finish: 'stop' }, { ...s, finish: 'length' });
		expect(tally.truncation).toEqual([{ model: s.model, truncated: 0, samples: 1 }]);
		// The counts handed in are what the warning reads (here: all cut), not the bundle's own.
		expect(truncationWarnings(b, [{ model: s.model, truncated: 4, samples: 4 }])).toEqual([expect.stringContaining(`${s.model}: 100.0% of samples (4 of 4)`)]);
	});
});
