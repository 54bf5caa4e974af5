// The public datasets' own file shapes (written here by hand, a few lines each), read as a new user
// would upload them: GSM8K {question, answer "... #### n"}, MATH {problem, level "Level 3", type,
// solution with \boxed{}}, MATH-500 {problem, solution, answer, subject, level, unique_id}.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/lib/core/grading';
import { guessMapping, mapFields, parseProblemFile, type FieldMapping } from '../../../src/lib/core/problems';
import { importSamplesJsonl } from '../../../src/lib/core/study';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/datasets/${name}`, import.meta.url), 'utf8');

function upload(name: string, change: Partial<FieldMapping> = {}) {
	const table = parseProblemFile(fixture(name), name);
	const mapping = { ...guessMapping(table.columns), ...change } as FieldMapping;
	return { mapping, ...mapFields(table, mapping) };
}

describe('mapFields(parseProblemFile(file), guessMapping(columns)) on the datasets’ own files', () => {
	it('GSM8K JSONL: gold = the number after ####, commas removed; the worked answer is kept as the solution', () => {
		const r = upload('gsm8k-test.jsonl');
		expect(r.mapping).toMatchObject({ question: 'question', answer: 'answer' });
		expect(r.issues).toEqual([]);
		expect(r.problems.map((p) => [p.answer, p.answerType])).toEqual([
			['16', 'number'],
			['43200', 'number'],
			['30.25', 'number'],
			['-7', 'number']
		]);
		expect(r.problems[0]?.solution).toMatch(/^She bakes .*\n#### 16$/s);
		expect(r.notes).toEqual(["gold taken from '#### ...' for 4 problems (the 'answer' column holds worked solutions, kept as the solution)"]);
		expect(r.goldTaken).toBe(4);
	});

	it('GSM8K JSONL with answerAsIs: the undo keeps the answer column as written', () => {
		const r = upload('gsm8k-test.jsonl', { answerAsIs: true });
		expect(r.problems[0]?.answer).toMatch(/^She bakes/);
		expect(r.notes).toEqual([]);
		expect(r.goldTaken).toBe(0);
	});

	it('GSM8K CSV: the same rule through the CSV reader', () => {
		const r = upload('gsm8k-test.csv');
		expect(r.problems.map((p) => p.answer)).toEqual(['48', '3600']);
		expect(r.notes[0]).toMatch(/^gold taken from '#### \.\.\.' for 2 problems/);
	});

	it('MATH (original): no answer column, gold = the solution’s last \\boxed{}, level from "Level 3", subject from type', () => {
		const r = upload('math-test.jsonl');
		expect(r.mapping).toMatchObject({ question: 'problem', solution: 'solution', level: 'level', subject: 'type' });
		expect(r.mapping.answer).toBeUndefined();
		expect(r.issues).toEqual([]);
		expect(r.problems.map((p) => [p.answer, p.answerType, p.level, p.subject])).toEqual([
			['\\frac{19}{12}', 'latex', 1, 'Prealgebra'],
			['4\\frac{2}{3}', 'latex', 2, 'Prealgebra'],
			['-2, 1', 'latex', 3, 'Algebra'],
			['5\\text{ cm}^2', 'latex', 2, 'Geometry'],
			['5\\sqrt{2}', 'latex', undefined, 'Algebra'],
			['\\{1\\}', 'latex', 5, 'Intermediate Algebra']
		]);
		expect(r.notes).toEqual(["gold taken from the 'solution' column for 6 problems (no answer column)", '1 problem marked "Level ?" has no level']);
	});

	it('MATH (original): the golds grade a careful human’s answers right', () => {
		const problems = upload('math-test.jsonl').problems;
		const answers = ['\\boxed{\\frac{19}{12}}', '\\boxed{\\frac{14}{3}}', '\\boxed{1, -2}', '\\boxed{5}', '\\boxed{\\sqrt{50}}', '\\boxed{1}'];
		expect(problems.map((p, i) => grade(answers[i] as string, p, 'auto').correct)).toEqual([true, true, true, true, true, true]);
		const wrong = ['\\boxed{\\frac{8}{12}}', '\\boxed{\\frac{8}{3}}', '\\boxed{-21}', '\\boxed{5i}', '\\boxed{5\\sqrt{3}}', '\\boxed{\\{2\\}}'];
		expect(problems.map((p, i) => grade(wrong[i] as string, p, 'auto').correct)).toEqual([false, false, false, false, false, false]);
	});

	it('MATH-500: unique_id is the id, the answer column is the gold, integer levels and subjects are kept', () => {
		const r = upload('math500-test.jsonl');
		expect(r.mapping).toMatchObject({ question: 'problem', answer: 'answer', id: 'unique_id', subject: 'subject', level: 'level', solution: 'solution' });
		expect(r.problems.map((p) => [p.id, p.answer, p.level, p.subject])).toEqual([
			['test/counting_and_probability/101.json', '56', 2, 'Counting & Probability'],
			['test/algebra/202.json', '3, -3', 1, 'Algebra'],
			['test/number_theory/303.json', '\\frac{1}{3}', 3, 'Number Theory']
		]);
		expect(r.problems.map((p) => p.answerType)).toEqual(['number', 'latex', 'latex']);
		expect(r.notes).toEqual([]);
	});

	it('a solution without a gold marker is a located issue, never a silent empty gold', () => {
		const table = parseProblemFile('{"problem": "P", "solution": "no box here"}\n{"problem": "Q", "solution": "\\\\boxed{2}"}\n', 'x.jsonl');
		const r = mapFields(table, guessMapping(table.columns) as FieldMapping);
		expect(r.problems.map((p) => p.answer)).toEqual(['2']);
		expect(r.issues.map((i) => i.message)).toEqual(["Line 1, solution: the solution has no '#### x' line or \\boxed{} to take the gold answer from."]);
	});
});

describe('importSamplesJsonl(text) with raw GSM8K answers as gold', () => {
	it('takes the gold after ####, says so in a warning, and grades right (never a silent 0%)', () => {
		const r = importSamplesJsonl(fixture('samples-raw-gold.jsonl'));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.bundle.problems.map((p) => p.answer)).toEqual(['16', '43200', '30.25', '-7']);
		expect(r.bundle.problems[1]?.solution).toMatch(/^Each day/);
		expect(r.warnings).toContain(`gold taken from '#### ...' for 4 of 4 problems: their "gold" was a worked solution (kept as the solution)`);
		const correct = (model: string) => r.bundle.samples.filter((s) => s.model === model).map((s) => s.correct);
		expect(correct('M1')).toEqual([true, true, true, false]);
		expect(correct('M2')).toEqual([false, true, true, true]);
	});
});
