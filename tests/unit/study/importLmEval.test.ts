import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importLmEval, parseBundle, readStudyText } from '../../../src/lib/core/study';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/samples/${name}`, import.meta.url), 'utf8');

describe('importLmEval(files, options)', () => {
	it('importLmEval merges the per-filter rows of a greedy generation task and keeps lm-eval\'s metric', () => {
		const r = importLmEval([{ model: 'base', text: fixture('lm-eval-gsm8k.jsonl') }], { createdAt: '2026-01-01T00:00:00.000Z' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const b = r.bundle;
		expect(b.samples).toHaveLength(3);
		expect(b.samples.every((s) => s.index === -1)).toBe(true);
		expect(b.samples.map((s) => s.correct)).toEqual([true, false, false]);
		expect(b.problems.map((p) => p.answer)).toEqual(['72', '10', '5']);
		expect(b.problems[0]?.question).toMatch(/^Natalia sold 48 clips/);
		expect(b.study.sampling).toMatchObject({ n: 0, greedy: true });
		expect(parseBundle(b).ok).toBe(true);
	});

	it('importLmEval takes the named filter\'s metric', () => {
		const r = importLmEval([{ model: 'base', text: fixture('lm-eval-gsm8k.jsonl') }], { filter: 'flexible-extract' });
		expect(r.ok && r.bundle.samples.map((s) => s.correct)).toEqual([true, true, false]);
	});

	it('importLmEval grades each repeat itself rather than trusting the per-doc metric', () => {
		const r = importLmEval([{ model: 'sft', text: fixture('lm-eval-repeats.jsonl') }]);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.bundle.study.sampling).toMatchObject({ n: 4, greedy: false, temperature: 0.8 });
		expect(r.bundle.samples.map((s) => s.correct)).toEqual([true, true, false, false, true, false, true, false]);
		expect(r.warnings).toEqual([
			`gold taken from '#### ...' for 2 of 2 problems: their "gold" was a worked solution (kept as the solution)`,
			expect.stringMatching(/graded with the 'auto' extractor/)
		]);
	});

	it('importLmEval turns a log-likelihood multiple-choice task into one greedy choice per doc', () => {
		const r = importLmEval([{ model: 'base', text: fixture('lm-eval-arc.jsonl') }]);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.bundle.samples.map((s) => [s.answer, s.correct])).toEqual([
			['B', true],
			['B', false]
		]);
		expect(r.bundle.problems[0]).toMatchObject({ answerType: 'choice', answer: 'B', choices: ['shark', 'whale', 'trout', 'eel'] });
	});

	it('importLmEval makes one model per file, and locates errors by file and line', () => {
		const two = importLmEval([
			{ model: 'M1', text: fixture('lm-eval-gsm8k.jsonl') },
			{ model: 'M2', text: fixture('lm-eval-gsm8k.jsonl') }
		]);
		expect(two.ok && two.bundle.models.map((m) => m.id)).toEqual(['M1', 'M2']);
		const bad = importLmEval([{ model: 'M1', name: 'run.jsonl', text: '{"doc_id": -1, "resps": [["x"]]}\n{"doc_id": 1, "resps": [["x"]], "target": "1"\n{"doc_id": 2, "resps": [], "target": "3"}' }]);
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
			'run.jsonl line 1: doc_id should be an integer >= 0 (got -1)',
			expect.stringMatching(/^run\.jsonl line 2: invalid JSON/),
			'run.jsonl line 3: resps should be a non-empty array of responses'
		]);
	});
});

describe('detectFormat(text) and readStudyText(text, options)', () => {
	it('detectFormat tells the three formats apart and refuses others', () => {
		expect(detectFormat(fixture('lm-eval-gsm8k.jsonl'))).toBe('lm-eval-jsonl');
		expect(detectFormat(fixture('small.jsonl'))).toBe('samples-jsonl');
		expect(detectFormat('{\n  "format": "reversal-lab/bundle"\n}')).toBe('bundle');
		expect(detectFormat('{"format":"reversal-lab/bundle","version":1}')).toBe('bundle');
		expect(detectFormat('id,question\n1,2')).toBeUndefined();
		expect(detectFormat('')).toBeUndefined();
	});

	it('readStudyText reads each format into a valid bundle, naming lm-eval models after the file', () => {
		const a = readStudyText(fixture('small.jsonl'));
		expect(a.ok && a.format).toBe('samples-jsonl');
		const b = readStudyText(fixture('lm-eval-gsm8k.jsonl'), { name: 'results/llama/samples_gsm8k.jsonl' });
		expect(b.ok && b.bundle.models[0]?.id).toBe('samples_gsm8k');
		if (!a.ok) return;
		const c = readStudyText(JSON.stringify(a.bundle, null, 2));
		expect(c.ok && c.format).toBe('bundle');
	});

	it('readStudyText explains an unknown format', () => {
		const r = readStudyText('model,problem\nM1,p1');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]?.message).toMatch(/not a format Reversal Lab reads/);
	});
});

describe('importLmEval(files) on the JSON-array files of lm-eval before 0.4.3', () => {
	it('importLmEval reads a JSON array of rows like the JSONL lines, located by item', () => {
		const rows = fixture('lm-eval-gsm8k.jsonl').trim().split('\n').map((l) => JSON.parse(l));
		const text = JSON.stringify(rows, null, 2);
		expect(detectFormat(text)).toBe('lm-eval-jsonl');
		const r = importLmEval([{ model: 'base', text }]);
		expect(r.ok && r.bundle.samples.map((s) => s.correct)).toEqual([true, false, false]);
		const bad = importLmEval([{ model: 'base', name: 'old.json', text: JSON.stringify([rows[0], { doc_id: 'x', resps: 5, target: '1' }]) }]);
		expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(['old.json item 1']);
		const cut = importLmEval([{ model: 'base', name: 'old.json', text: text.slice(0, 200) }]);
		expect(!cut.ok && cut.errors[0]?.message).toMatch(/^line \d+, column \d+/);
	});
});
