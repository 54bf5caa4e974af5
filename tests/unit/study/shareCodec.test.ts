import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStudyConfig, encodeStudyConfig, fromBase64Url, isStudyError, SHARE_PREFIX, toBase64Url } from '../../../src/lib/core/study';
import type { ModelRef, StudyConfig } from '../../../src/lib/core/types';
import { trainingRecord } from '../../fixtures/trainingRecord';

const config: StudyConfig = {
	id: 'study-1',
	name: 'Qwen 0.5B vs 1.5B — équipe "β"',
	seed: 12345,
	sampling: { n: 16, greedy: true, temperature: 0.8, topP: 0.95, maxTokens: 512 },
	prompt: { style: 'few-shot-cot', form: 'chat', shots: 4, text: 'Q: {question}\nA: Let\'s think step by step.' },
	extractor: 'auto',
	problemSet: { source: 'builtin', id: 'offline', seed: 7, count: 200 },
	reference: 'M1'
};

// Format s1 (deflate without a dictionary) is still read; tests build hostile links in it.
const raw = (o: unknown) => 's1.' + toBase64Url(deflateSync(strToU8(JSON.stringify(o))));
// A link made by this version: if the s2 dictionary ever changes, this stops decoding and the test fails.
const GOLDEN_S2 =
	's2.g8ZfcUlpSqWuISIaA8tT8xQM9EydFMqKFQxB9KOGKQqHVxaWZhakKsQondsUg4hqQyNjE2B8kRrdFiRHN3LMYMQ2SAKo1wQR76gR7milgDPOqRqXwGQMjUsjrHEJAA';

describe('encodeStudyConfig(config) and decodeStudyConfig(text)', () => {
	it('decodeStudyConfig(encodeStudyConfig(c)) returns c, with the version prefix and URL-safe characters', () => {
		const s = encodeStudyConfig(config);
		expect(s.startsWith('s2.')).toBe(true);
		expect(s).toMatch(/^s2\.[A-Za-z0-9_-]+$/);
		expect(decodeStudyConfig(s)).toEqual({ ok: true, config, models: [] });
		expect(decodeStudyConfig('#' + s)).toEqual({ ok: true, config, models: [] });
	});

	it('decodeStudyConfig still reads links of earlier versions: the frozen s2 golden link and s1', () => {
		expect(decodeStudyConfig(GOLDEN_S2)).toEqual({ ok: true, config, models: [] });
		expect(decodeStudyConfig(raw(config))).toEqual({ ok: true, config, models: [] });
	});

	it('a link carries the study\'s runnable models in order, but not imported ones', () => {
		const models: ModelRef[] = [
			{ id: 'imp', label: 'Imported', engine: 'import', source: 'samples.jsonl', order: 0 },
			{ id: 'tiny-m1', label: 'M1', engine: 'builtin', source: 'tiny-m1.gguf', order: 1, chat: false },
			{ id: 'q', label: 'Qwen', engine: 'wllama', source: 'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/q.gguf', order: 2, chat: true },
			{ id: 'mine', label: 'My file', engine: 'wllama', source: 'file:mine.gguf', order: 3 }
		];
		const r = decodeStudyConfig(encodeStudyConfig(config, models));
		expect(r).toEqual({ ok: true, config, models: models.slice(1).map((m, order) => ({ ...m, order })) });
		const bad = decodeStudyConfig(raw({ ...config, models: [{ id: 'x', label: 'X', engine: 'gpu', source: '', order: 0 }] }));
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.errors[0]?.path).toBe('study.models[0].engine');
	});

	it('a link names a trained model by its training record without the pool samples, never its file', () => {
		const training = trainingRecord('c3'.repeat(32));
		const trained: ModelRef = { id: 'live-m2', label: 'M2 live', engine: 'wllama', source: 'file:live-m2.gguf', order: 0, training };
		const r = decodeStudyConfig(encodeStudyConfig(config, [trained]));
		expect(r).toEqual({ ok: true, config, models: [{ ...trained, training: { ...training, samples: [] } }] });
		expect(training.samples).toHaveLength(16);
	});

	it('decodeStudyConfig names the field of an invalid configuration', () => {
		const r = decodeStudyConfig(raw({ ...config, sampling: { ...config.sampling, temperature: 'hot' } }));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]?.path).toBe('study.sampling.temperature');
	});

	it('decodeStudyConfig refuses damaged, foreign, newer and oversized links in words', () => {
		const msg = (s: string) => {
			const r = decodeStudyConfig(s);
			return r.ok ? 'ok' : (r.errors[0]?.message ?? '');
		};
		expect(msg('hello')).toMatch(/not a Reversal Lab study link/);
		expect(msg('s3.abc')).toMatch(/newer Reversal Lab/);
		expect(msg('s1.@@@')).toMatch(/outside base64url/);
		// s2 data references the dictionary, which s1 does not have.
		expect(msg('s1.' + GOLDEN_S2.slice(3))).toMatch(/damaged/);
		expect(msg('s1.' + toBase64Url(new Uint8Array([1, 2, 3, 4, 5])))).toMatch(/damaged/);
		expect(msg(SHARE_PREFIX + toBase64Url(deflateSync(strToU8('alert(1)'))))).toMatch(/not JSON/);
		expect(msg('s1.' + 'A'.repeat(40_000))).toMatch(/over the 32000 limit/);
		const bomb = SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array(5_000_000).fill(32)));
		expect(msg(bomb)).toMatch(/expands beyond/);
	});

	it('encodeStudyConfig refuses an invalid configuration with a StudyError naming the field', () => {
		const bad = { ...config, sampling: { ...config.sampling, n: -1 } };
		expect(() => encodeStudyConfig(bad)).toThrowError(/study\.sampling\.n: should be an integer >= 0/);
		try {
			encodeStudyConfig(bad);
		} catch (e) {
			expect(isStudyError(e, 'invalid-share')).toBe(true);
		}
	});

	it('encodeStudyConfig of a typical configuration fits a short URL hash', () => {
		expect(encodeStudyConfig(config).length).toBeLessThan(160);
	});

	it('decodeStudyConfig never evaluates content: a code string stays data', () => {
		const r = decodeStudyConfig(raw({ ...config, name: '${process.exit(1)}', prompt: { ...config.prompt, text: '<script>alert(1)</script>' } }));
		expect(r.ok && r.config.name).toBe('${process.exit(1)}');
	});
});

describe('toBase64Url(bytes) and fromBase64Url(text)', () => {
	it('fromBase64Url(toBase64Url(b)) equals b for any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
				expect(fromBase64Url(toBase64Url(b))).toEqual(b);
			})
		);
	});
	it('toBase64Url matches Node\'s base64url', () => {
		const b = new Uint8Array([0, 255, 62, 63, 250, 1, 2]);
		expect(toBase64Url(b)).toBe(Buffer.from(b).toString('base64url'));
	});
});
