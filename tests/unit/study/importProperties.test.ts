import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importSamplesJsonl, parseBundle, readStudyText } from '../../../src/lib/core/study';

// Records drawn near the valid shape, with every field sometimes wrong, missing or hostile.
const record = fc.record(
	{
		model: fc.oneof(fc.constantFrom('M1', 'M2', 'M3'), fc.string(), fc.integer(), fc.constant(null)),
		problem_id: fc.oneof(fc.constantFrom('p1', 'p2', 'p3', 'p4'), fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 5 })),
		sample_index: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.string({ maxLength: 2 })),
		text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('#### 42', 'The answer is 7.', '\\boxed{\\frac12}', '(B)'), fc.integer()),
		gold: fc.oneof(fc.constantFrom('42', '7', '0.5', 'B', '\\frac{1}{2}'), fc.integer(), fc.constant(null)),
		split: fc.constantFrom('in-domain', 'ood', 'test'),
		level: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double()),
		correct: fc.oneof(fc.boolean(), fc.constant('yes'))
	},
	{ requiredKeys: [] }
);

describe('importSamplesJsonl(text) on arbitrary records', () => {
	it('importSamplesJsonl never throws, and whatever it accepts is a valid bundle', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 25 }), fc.boolean(), (records, truncate) => {
				let text = records.map((r) => JSON.stringify(r)).join('\n');
				if (truncate) text = text.slice(0, Math.floor(text.length / 2));
				const r = importSamplesJsonl(text, { createdAt: '2026-01-01T00:00:00.000Z' });
				if (r.ok) {
					expect(parseBundle(JSON.parse(JSON.stringify(r.bundle))).ok).toBe(true);
					expect(r.bundle.samples.length).toBe(text.split('\n').filter((l) => l.trim()).length);
				} else {
					expect(r.errors.length).toBeGreaterThan(0);
					for (const e of r.errors) expect(e.path === '' || /^line \d+$/.test(e.path)).toBe(true);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('readStudyText never throws on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (text) => {
				const r = readStudyText(text);
				if (!r.ok) expect(r.errors[0]?.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 300 }
		);
	});
});
