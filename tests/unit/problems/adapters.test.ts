import { describe, expect, it } from 'vitest';
import { DATASETS, adaptRows, adaptCommonsenseQa, adaptGsm8k, adaptMath, adaptSvamp, goldFromSolution, parseRowsResponse, seededSubset } from '../../../src/lib/core/problems';
import type { Problem } from '../../../src/lib/core/types';

const row = (r: Record<string, unknown>, i = 3) => ({ row_idx: i, row: r });

describe('adapters', () => {
	it('adaptGsm8k(row) takes the gold after "####" (commas dropped) and keeps the solution', () => {
		const p = adaptGsm8k(row({ question: 'Q?', answer: 'Work 2*500=<<2*500=1000>>1000\n#### 1,000' }), 'in-domain') as Problem;
		expect(p).toMatchObject({ id: 'gsm8k-3', answer: '1000', answerType: 'number', split: 'in-domain' });
		expect(p.solution).toContain('<<2*500=1000>>');
		expect(adaptGsm8k(row({ question: 'Q?', answer: 'no marker' }), 'in-domain')).toMatch(/row 3.*####/);
	});

	it('goldFromSolution(text) takes the last \\boxed{} with balanced braces', () => {
		const gold = (t: string) => goldFromSolution(t)?.gold;
		expect(gold('first \\boxed{1} then \\boxed{\\frac{1}{2}} done')).toBe('\\frac{1}{2}');
		expect(gold('$\\boxed{\\left\\{ 1, 2 \\right\\}}$')).toBe('\\left\\{ 1, 2 \\right\\}');
		expect(gold('so \\boxed 5$.')).toBe('5');
		expect(gold('\\fbox{x^{2}}')).toBe('x^{2}');
		expect(gold('no box')).toBeUndefined();
		expect(gold('\\boxed{open')).toBeUndefined();
	});

	it("goldFromSolution(text) takes GSM8K's number after the last ####, commas removed", () => {
		expect(goldFromSolution('She sells 16 - 3 - 4 = <<16-3-4=9>>9 eggs.\n#### 1,319')).toEqual({ gold: '1319', from: 'gsm8k' });
		expect(goldFromSolution('#### 10\nno, wait\n#### -7.5 ')).toEqual({ gold: '-7.5', from: 'gsm8k' });
		expect(goldFromSolution('nothing after ####')).toBeUndefined();
		expect(goldFromSolution('42')).toBeUndefined();
	});

	it('adaptMath(row) reads level from "Level 3", subject from type, answer type latex', () => {
		const p = adaptMath(row({ problem: 'P', level: 'Level 3', type: 'Algebra', solution: 'x $\\boxed{\\sqrt{2}}$' }), 'ood') as Problem;
		expect(p).toMatchObject({ answer: '\\sqrt{2}', answerType: 'latex', level: 3, subject: 'Algebra', split: 'ood' });
		expect((adaptMath(row({ problem: 'P', level: 'Level ?', type: 'Algebra', solution: '\\boxed{1}' }), 'ood') as Problem).level).toBeUndefined();
		expect(adaptMath(row({ problem: 'P', level: 'Level 2', solution: 'none' }), 'ood')).toMatch(/boxed/);
	});

	it('adaptCommonsenseQa(row) orders choices by label and keeps the answer key', () => {
		const p = adaptCommonsenseQa(row({ id: 'abc', question: 'Where?', question_concept: 'x', choices: { label: ['B', 'A'], text: ['two', 'one'] }, answerKey: 'B' }), 'in-domain') as Problem;
		expect(p).toMatchObject({ id: 'csqa-abc', answer: 'B', answerType: 'choice', choices: ['one', 'two'], subject: 'x' });
		expect(adaptCommonsenseQa(row({ question: 'Q', choices: { label: ['A'], text: ['a'] }, answerKey: 'E' }), 'in-domain')).toMatch(/answerKey "E"/);
	});

	it('adaptSvamp(row) joins body and question and prints 27.0 as 27', () => {
		const p = adaptSvamp(row({ ID: 'chal-1', Body: 'Dan had 30.', Question: 'How many?', Answer: 27.0, Type: 'Subtraction' }), 'in-domain') as Problem;
		expect(p).toMatchObject({ id: 'svamp-chal-1', question: 'Dan had 30. How many?', answer: '27', subject: 'Subtraction' });
		expect((adaptSvamp(row({ Body: 'b', Question: 'q', Answer: 2.5 }), 'in-domain') as Problem).answer).toBe('2.5');
	});

	it('adaptRows(source, rows) skips rows with truncated cells or unreadable fields, saying which', () => {
		const rows = [
			{ row_idx: 0, row: { question: 'Q', answer: 'x\n#### 4' } },
			{ row_idx: 1, row: { question: 'Q', answer: 'x\n#### 4' }, truncated_cells: ['answer'] },
			{ row_idx: 2, row: { question: 'Q' } }
		];
		const { problems, skipped } = adaptRows(DATASETS.gsm8k, rows, 'in-domain');
		expect(problems.map((p) => p.id)).toEqual(['gsm8k-0']);
		expect(skipped).toEqual(['row 1: the server truncated "answer"', 'row 2: GSM8K rows need "question" and "answer" text']);
	});

	it('parseRowsResponse(json) names the missing part of a malformed answer', () => {
		expect(parseRowsResponse([])).toMatch(/not a JSON object/);
		expect(parseRowsResponse({ rows: [] })).toMatch(/num_rows_total/);
		expect(parseRowsResponse({ rows: [{ row: {} }], num_rows_total: 1 })).toMatch(/rows\[0\]/);
		expect(parseRowsResponse({ rows: [{ row_idx: 0, row: { a: 1 } }], num_rows_total: 1 })).toMatchObject({ num_rows_total: 1 });
	});

	it('seededSubset(problems, n, seed) is stratified by level, seeded, and prefix-stable', () => {
		const all: Problem[] = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, question: `q${i}`, answer: '1', answerType: 'number', split: 'ood', level: 1 + (i % 5) }));
		const a = seededSubset(all, 50, 1);
		for (let l = 1; l <= 5; l++) expect(a.filter((p) => p.level === l)).toHaveLength(10);
		expect(seededSubset(all, 50, 1)).toEqual(a);
		expect(seededSubset(all, 50, 2)).not.toEqual(a);
		expect(seededSubset(all, 100, 1).slice(0, 50).map((p) => p.id).sort()).toEqual(a.map((p) => p.id).sort());
		expect(seededSubset(all.slice(0, 3), 10, 1)).toHaveLength(3);
	});
});
