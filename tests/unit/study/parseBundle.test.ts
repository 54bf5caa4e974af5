import { describe, expect, it } from 'vitest';
import { isGzip, parseBundle } from '../../../src/lib/core/study';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import type { Bundle } from '../../../src/lib/core/types';

function small(): Bundle {
	return syntheticBundle({ models: 2, problems: 6, n: 4, words: 20, seed: 3 });
}

function errorsOf(input: unknown): string[] {
	const r = parseBundle(input);
	if (r.ok) throw new Error('expected the bundle to be rejected');
	return r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
}

describe('parseBundle(input)', () => {
	it('parseBundle accepts a valid bundle as text and as an object, unchanged', () => {
		const b = small();
		const fromText = parseBundle(JSON.stringify(b));
		expect(fromText.ok).toBe(true);
		if (fromText.ok) expect(fromText.bundle).toEqual(b);
		expect(parseBundle(b).ok).toBe(true);
	});

	it('parseBundle names an unknown problem id by its place', () => {
		const b = small();
		(b.samples[5] as { problem: string }).problem = 'gsm8k-17';
		expect(errorsOf(b)).toContain("samples[5].problem: unknown problem id 'gsm8k-17'");
	});

	it('parseBundle names an unknown model id and an unknown reference', () => {
		const b = small();
		(b.samples[2] as { model: string }).model = 'M9';
		b.study.reference = 'nobody';
		const errors = errorsOf(b);
		expect(errors).toContain("samples[2].model: unknown model id 'M9'");
		expect(errors).toContain("study.reference: unknown model id 'nobody'");
	});

	it('parseBundle rejects a duplicate (model, problem, index) and says where the first is', () => {
		const b = small();
		b.samples.push({ ...(b.samples[1] as Bundle['samples'][number]) });
		const errors = errorsOf(b);
		expect(errors.some((e) => e.startsWith(`samples[${b.samples.length - 1}]: duplicate sample`) && e.includes('first at samples[1]'))).toBe(true);
	});

	it('parseBundle rejects duplicate model and problem ids', () => {
		const b = small();
		b.models.push({ ...(b.models[0] as Bundle['models'][number]) });
		b.problems.push({ ...(b.problems[0] as Bundle['problems'][number]) });
		const errors = errorsOf(b);
		expect(errors.some((e) => e.startsWith('models[2].id: duplicate model id'))).toBe(true);
		expect(errors.some((e) => e.startsWith('problems[6].id: duplicate problem id'))).toBe(true);
	});

	it('parseBundle rejects NaN, Infinity, index < -1 and wrong types, by path', () => {
		const b = small();
		(b.samples[0] as { ms: number }).ms = NaN;
		(b.samples[1] as { ms: number }).ms = Infinity;
		(b.samples[2] as { index: number }).index = -2;
		(b.samples[3] as unknown as { correct: string }).correct = 'yes';
		(b.study.sampling as { temperature: number }).temperature = Number.POSITIVE_INFINITY;
		const errors = errorsOf(b);
		expect(errors.some((e) => e.startsWith('samples[0].ms:'))).toBe(true);
		expect(errors.some((e) => e.startsWith('samples[1].ms:'))).toBe(true);
		expect(errors).toContain('samples[2].index: should be an integer >= -1');
		expect(errors.some((e) => e.startsWith('samples[3].correct:'))).toBe(true);
		expect(errors.some((e) => e.startsWith('study.sampling.temperature:'))).toBe(true);
	});

	it('parseBundle rejects an index at or above study.sampling.n', () => {
		const b = small();
		(b.samples[0] as { index: number }).index = 4;
		expect(errorsOf(b).some((e) => e.startsWith('samples[0].index: 4 is not below study.sampling.n (4)'))).toBe(true);
	});

	it('parseBundle locates truncated JSON by line and column', () => {
		const text = JSON.stringify(small(), null, 1);
		const errors = errorsOf(text.slice(0, 500));
		expect(errors[0]).toMatch(/^line \d+, column \d+: /);
	});

	it('parseBundle rejects a wrong format, a newer version, an array and empty text in words', () => {
		expect(errorsOf({ format: 'other' })[0]).toMatch(/^format: should be "reversal-lab\/bundle"/);
		expect(errorsOf({ ...small(), version: 2 })[0]).toMatch(/^version: version 2 is newer/);
		expect(errorsOf([])[0]).toMatch(/JSON object/);
		expect(errorsOf('')[0]).toBe('the file is empty');
		expect(errorsOf('NaN')[0]).toMatch(/invalid JSON/);
	});

	it('parseBundle lists the first 20 errors and counts the rest', () => {
		const b = small();
		b.samples.forEach((s, i) => ((s as { problem: string }).problem = `nope-${i}`));
		const r = parseBundle(b);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toHaveLength(20);
			expect(r.omitted).toBe(b.samples.length - 20);
		}
	});

	it('parseBundle strips unknown fields instead of trusting them', () => {
		const b = { ...small(), extra: { evil: true } };
		const r = parseBundle(b);
		expect(r.ok).toBe(true);
		if (r.ok) expect('extra' in r.bundle).toBe(false);
	});
});

describe('isGzip(bytes)', () => {
	it('isGzip detects the magic bytes only', () => {
		expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
		expect(isGzip(new Uint8Array([0x7b, 0x22]))).toBe(false);
		expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
	});
});

describe('parseBundle(input) on large hostile input', () => {
	const big = syntheticBundle({ models: 2, problems: 500, n: 64, words: 120, seed: 9 });
	const text = JSON.stringify(big);

	it('parseBundle finds one bad sample deep in a 50 MB bundle and names it', () => {
		expect(text.length).toBeGreaterThan(50_000_000);
		const at = big.samples.length - 7;
		const broken = JSON.parse(text) as Bundle;
		(broken.samples[at] as { problem: string }).problem = 'gsm8k-17';
		expect(errorsOf(broken)).toEqual([`samples[${at}].problem: unknown problem id 'gsm8k-17'`]);
	});

	it('parseBundle locates the end of a truncated 50 MB bundle', () => {
		const errors = errorsOf(text.slice(0, text.length - 1000));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^line 1, column \d+: /);
	});

	it('parseBundle rejects a sample text over 1 MB by its path', () => {
		const b = small();
		(b.samples[3] as { text: string }).text = 'x'.repeat(1_000_001);
		expect(errorsOf(b)).toEqual(['samples[3].text: should be at most 1,000,000 characters (the limit for one sample)']);
	});
});
