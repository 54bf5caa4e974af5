import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { quickReport } from '../../../src/lib/workers/quickReport';

describe('quickReport(bundle)', () => {
	it('is computeReport of the text-free samples without bootstrap, byte for byte (empty vectors instead of zero ones change nothing)', () => {
		const bundle = syntheticBundle({ models: 3, problems: 20, n: 8, words: 30, seed: 7 });
		const textFree = { ...bundle, samples: bundle.samples.map((s) => ({ ...s, text: '' })) };
		expect(JSON.stringify(quickReport(bundle))).toBe(JSON.stringify(computeReport(textFree, { bootstrap: 0 })));
	});
});
