import { describe, expect, it } from 'vitest';
import { importSamplesJsonl, parseBundle, regradeBundle, type ImportResult } from '../../../src/lib/core/study';

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const base = { model: 'M1', problem_id: 'p1', sample_index: 0, text: 'so #### 42', gold: '42' };

function errors(r: ImportResult): string[] {
	if (r.ok) throw new Error('expected the import to fail');
	return r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
}

describe('importSamplesJsonl(text, options)', () => {
	it('importSamplesJsonl builds a valid bundle, models in first-appearance order, greedy from index -1', () => {
		const text = [
			line({ ...base, model: 'M2', sample_index: -1 }),
			line({ ...base, model: 'M2', sample_index: 0, text: '#### 41' }),
			line({ ...base, model: 'M1', sample_index: 1, correct: true, text: 'whatever' }),
			line({ model: 'M1', problem_id: 'p2', sample_index: 0, text: '\\boxed{\\frac12}', gold: '0.5', split: 'ood', level: 3, question: 'Half?' }),
			''
		].join('\n');
		const r = importSamplesJsonl(text, { name: 'demo.jsonl', createdAt: '2026-01-01T00:00:00.000Z' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const b = r.bundle;
		expect(b.models.map((m) => m.id)).toEqual(['M2', 'M1']);
		expect(b.study.sampling.n).toBe(2);
		expect(b.study.sampling.greedy).toBe(true);
		expect(b.study.problemSet.source).toBe('import');
		expect(b.samples.map((s) => s.correct)).toEqual([true, false, true, true]);
		expect(b.samples[1]?.answer).toBe('41');
		expect(b.problems.find((p) => p.id === 'p2')).toMatchObject({ split: 'ood', level: 3, question: 'Half?', answerType: 'number' });
		expect(r.warnings[0]).toMatch(/3 of 4 samples had no "correct" field/);
		expect(parseBundle(JSON.parse(JSON.stringify(b))).ok).toBe(true);
	});

	it('importSamplesJsonl keeps the given model order and rejects models outside it', () => {
		const text = [line({ ...base, model: 'M1' }), line({ ...base, model: 'M2' })].join('\n');
		const ok = importSamplesJsonl(text, { models: ['M2', 'M1'] });
		expect(ok.ok && ok.bundle.models.map((m) => m.id)).toEqual(['M2', 'M1']);
		expect(errors(importSamplesJsonl(text, { models: ['M1'] }))).toEqual(["line 2: unknown model 'M2' (expected one of M1)"]);
	});

	it('importSamplesJsonl names the line and field of a wrong type', () => {
		const text = [line(base), line({ ...base, sample_index: -2 }), line({ ...base, sample_index: '0' }), line({ ...base, text: 5 })].join('\n');
		const e = errors(importSamplesJsonl(text));
		expect(e[0]).toBe('line 2: sample_index should be an integer >= -1 (got -2)');
		expect(e[1]).toBe('line 3: sample_index should be an integer >= -1 (got "0")');
		expect(e[2]).toMatch(/^line 4: text should be a string/);
	});

	it('importSamplesJsonl reports truncated JSON and NaN by line', () => {
		const text = [line(base), '{"model": "M1", "problem_id": "p1", "sample_ind', '{"model": "M1", "problem_id": "p2", "sample_index": NaN, "text": "", "gold": "1"}'].join('\n');
		const e = errors(importSamplesJsonl(text));
		expect(e[0]).toMatch(/^line 2: invalid JSON/);
		expect(e[1]).toMatch(/^line 3: invalid JSON/);
	});

	it('importSamplesJsonl rejects numbers too large for JSON (1e999 = Infinity) by name', () => {
		const e = errors(importSamplesJsonl(line(base).replace('"gold":"42"', '"gold":1e999,"ms":1e999')));
		expect(e).toEqual([
			'line 1: gold should be a string or a number (the gold answer) (got Infinity)',
			'line 1: ms should be a number >= 0 (got Infinity)'
		]);
	});

	it('importSamplesJsonl rejects a missing field, a non-object line, and a missing gold', () => {
		const { text: _t, ...noText } = base;
		const { gold: _g, ...noGold } = base;
		const e = errors(importSamplesJsonl([line(noText), '[1,2]', line(noGold)].join('\n')));
		expect(e[0]).toBe('line 1: text should be a string (the model output) (missing)');
		expect(e[1]).toMatch(/^line 2: each line should be one JSON object/);
		expect(e[2]).toMatch(/^line 3: gold is missing/);
	});

	it('importSamplesJsonl rejects a duplicate sample key and says where the first is', () => {
		const e = errors(importSamplesJsonl([line(base), line({ ...base, text: 'other' })].join('\n')));
		expect(e).toEqual(["line 2: duplicate sample (model 'M1', problem_id 'p1', sample_index 0); first on line 1"]);
	});

	it('importSamplesJsonl rejects a gold answer that changes between lines of one problem', () => {
		const e = errors(importSamplesJsonl([line(base), line({ ...base, sample_index: 1, gold: '43' })].join('\n')));
		expect(e).toEqual([`line 2: gold "43" differs from "42" given for problem 'p1' on line 1`]);
	});

	it('importSamplesJsonl checks problem ids against a known problem set and takes gold from it', () => {
		const problems = [{ id: 'p1', question: 'q', answer: '42', answerType: 'number' as const, split: 'in-domain' as const }];
		const { gold: _g, ...noGold } = base;
		const r = importSamplesJsonl([line(noGold), line({ ...noGold, problem_id: 'p9' })].join('\n'), { problems });
		expect(errors(r)).toEqual(["line 2: unknown problem_id 'p9' (not in the problem set)"]);
		const ok = importSamplesJsonl(line(noGold), { problems });
		expect(ok.ok && ok.bundle.samples[0]?.correct).toBe(true);
	});

	it('importSamplesJsonl rejects a 1 MB line by name without parsing it', () => {
		const long = line({ ...base, sample_index: 1, text: 'x'.repeat(1_100_000) });
		const e = errors(importSamplesJsonl([line(base), long].join('\n')));
		expect(e).toEqual(['line 2: the line is 1.1 MB, over the 1.0 MB limit for one sample (is this really a JSONL file?)']);
	});

	it('importSamplesJsonl on a 50 MB file of garbage returns counted, located errors', () => {
		const garbage = ('not json at all ' + 'z'.repeat(984) + '\n').repeat(50_000);
		expect(garbage.length).toBeGreaterThanOrEqual(50_000_000);
		const r = importSamplesJsonl(garbage);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toHaveLength(20);
			expect(r.errors[0]?.path).toBe('line 1');
			expect(r.errors.length + r.omitted).toBe(50_000);
		}
	});

	it('importSamplesJsonl on a single 50 MB line rejects it by size', () => {
		const e = errors(importSamplesJsonl('{"text": "' + 'a'.repeat(50_000_000) + '"}'));
		expect(e).toEqual(['line 1: the line is 50.0 MB, over the 1.0 MB limit for one sample (is this really a JSONL file?)']);
	});

	it('importSamplesJsonl rejects empty input in words', () => {
		expect(errors(importSamplesJsonl('\n\n'))).toEqual(['the file has no samples (it is empty)']);
	});

	it('importSamplesJsonl accepts CRLF line endings and a byte-order mark', () => {
		const r = importSamplesJsonl('\ufeff' + line(base) + '\r\n' + line({ ...base, sample_index: 1 }) + '\r\n');
		expect(r.ok && r.bundle.samples.length).toBe(2);
	});
});

describe('regradeBundle(bundle, extractor)', () => {
	it('regradeBundle grades every sample again, counts changed verdicts and leaves the input unchanged', () => {
		const text = [line({ ...base, text: 'The answer is 42. #### 41' }), line({ ...base, sample_index: 1, text: '#### 42' })].join('\n');
		const r = importSamplesJsonl(text, { extractor: 'gsm8k-strict' });
		if (!r.ok) throw new Error('should import');
		expect(r.bundle.samples.map((s) => s.correct)).toEqual([false, true]);
		const again = regradeBundle(r.bundle, 'answer-is');
		expect(again.bundle.samples.map((s) => [s.answer, s.correct])).toEqual([
			['42', true],
			[null, false]
		]);
		expect(again.changed).toBe(2);
		expect(again.bundle.study.extractor).toBe('answer-is');
		expect(r.bundle.samples.map((s) => s.correct)).toEqual([false, true]);
	});
});
