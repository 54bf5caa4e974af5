import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SampleLineSchema } from '../../../src/lib/core/study';
import { fastSampleLine } from '../../../src/lib/core/study/fastSampleLine';

const KNOWN = Object.keys(SampleLineSchema.shape);

// Every field of the line schema, drawn valid most of the time and wrong in the ways files are wrong.
const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 5 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }), fc.array(fc.integer(), { maxLength: 2 }));
const line = fc.record(
	{
		model: fc.oneof(fc.constantFrom('M1', 'M2', '', 'x'.repeat(501)), fc.integer(), value),
		problem_id: fc.oneof(fc.constantFrom('p1', 'p2'), fc.integer({ min: -1, max: 3 }), value),
		sample_index: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constant(2 ** 53), value),
		text: fc.oneof(fc.string({ maxLength: 20 }), value),
		gold: fc.oneof(fc.constantFrom('42', '7'), fc.integer(), value),
		question: value,
		split: fc.oneof(fc.constantFrom('in-domain', 'ood', 'test'), value),
		level: fc.oneof(fc.integer({ min: 0, max: 5 }), value),
		subject: value,
		answer_type: fc.oneof(fc.constantFrom('number', 'latex', 'choice', 'other'), value),
		choices: value,
		correct: value,
		answer: value,
		seed: fc.oneof(fc.constantFrom(0, 0xffffffff, 0x100000000, -1), value),
		tokens: value,
		ms: fc.oneof(fc.constantFrom(0, 1.5, -1), value),
		finish: fc.oneof(fc.constantFrom('stop', 'length', 'eos'), value),
		extra: value
	},
	{ requiredKeys: [] }
);

describe('fastSampleLine(raw)', () => {
	it('fastSampleLine accepts only lines the schema accepts, and the schema returns the same fields for them', () => {
		fc.assert(
			fc.property(line, (raw) => {
				const fast = fastSampleLine(raw as Record<string, unknown>);
				const slow = SampleLineSchema.safeParse(raw);
				if (!fast) return;
				expect(slow.success).toBe(true);
				const known = Object.fromEntries(KNOWN.filter((k) => (raw as Record<string, unknown>)[k] !== undefined).map((k) => [k, (fast as Record<string, unknown>)[k]]));
				expect(known).toEqual(slow.data);
			}),
			{ numRuns: 3000 }
		);
	});

	it('fastSampleLine takes the usual well-formed line', () => {
		const raw = { model: 'M1', problem_id: 'p1', sample_index: -1, text: '#### 4', gold: '4', split: 'ood', level: 2, correct: true, answer: null, seed: 3, tokens: 5, ms: 1.5, finish: 'stop' };
		expect(fastSampleLine(raw)).toBe(raw);
	});

	it('fastSampleLine leaves a numeric gold or model id to the schema, which converts it', () => {
		expect(fastSampleLine({ model: 'M1', problem_id: 'p1', sample_index: 0, text: '', gold: 4 })).toBeUndefined();
		expect(fastSampleLine({ model: 7, problem_id: 'p1', sample_index: 0, text: '' })).toBeUndefined();
	});
});
