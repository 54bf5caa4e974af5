// Pure adapters from datasets-server rows to Problems, one per dataset, and the registry of
// datasets the app knows (repository, config, split). A row that cannot be read gives a sentence.
import type { Problem, Split } from '../types';
import { goldFromSolution } from './goldFromSolution';
import type { DatasetRow } from './rowsResponse';

export type DatasetId = 'gsm8k' | 'math' | 'commonsenseqa' | 'svamp';

export interface DatasetSource {
	id: DatasetId;
	label: string;
	dataset: string;
	config: string;
	split: string;
	adapt: (row: DatasetRow, split: Split) => Problem | string;
}

const text = (row: Record<string, unknown>, key: string): string | undefined => {
	const v = row[key];
	return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** GSM8K: the gold answer follows "####"; the worked answer is kept as the solution. */
export function adaptGsm8k({ row, row_idx }: DatasetRow, split: Split): Problem | string {
	const question = text(row, 'question');
	const answer = text(row, 'answer');
	if (!question || !answer) return `row ${row_idx}: GSM8K rows need "question" and "answer" text`;
	if (!answer.includes('####')) return `row ${row_idx}: the GSM8K answer has no "####" line`;
	const found = goldFromSolution(answer);
	if (!found) return `row ${row_idx}: nothing follows "####"`;
	return { id: `gsm8k-${row_idx}`, question, answer: found.gold, answerType: 'number', split, solution: answer.trim() };
}

/** MATH: level from "Level 3", subject from "type", gold from the solution's last \boxed{}. */
export function adaptMath({ row, row_idx }: DatasetRow, split: Split): Problem | string {
	const question = text(row, 'problem');
	const solution = text(row, 'solution');
	if (!question || !solution) return `row ${row_idx}: MATH rows need "problem" and "solution" text`;
	const gold = goldFromSolution(solution)?.gold;
	if (gold === undefined) return `row ${row_idx}: the MATH solution has no \\boxed{} answer`;
	const level = /Level\s+([1-5])/.exec(text(row, 'level') ?? '')?.[1];
	const subject = text(row, 'type') ?? text(row, 'subject');
	return {
		id: `math-${row_idx}`,
		question,
		answer: gold,
		answerType: 'latex',
		split,
		...(level ? { level: Number(level) } : {}),
		...(subject ? { subject } : {}),
		solution
	};
}

/** CommonsenseQA: choices {label[], text[]} put in letter order; the answer is the key letter. */
export function adaptCommonsenseQa({ row, row_idx }: DatasetRow, split: Split): Problem | string {
	const question = text(row, 'question');
	const key = text(row, 'answerKey')?.trim().toUpperCase();
	const choices = row.choices as { label?: unknown; text?: unknown } | undefined;
	if (!question || !key || !choices || !Array.isArray(choices.label) || !Array.isArray(choices.text))
		return `row ${row_idx}: CommonsenseQA rows need "question", "choices" {label, text} and "answerKey"`;
	const pairs = choices.label.map((l, i) => [String(l).toUpperCase(), String(choices.text instanceof Array ? choices.text[i] : '')] as const);
	pairs.sort((a, b) => a[0].localeCompare(b[0]));
	if (!pairs.some(([l]) => l === key)) return `row ${row_idx}: answerKey "${key}" is not one of the choices`;
	const concept = text(row, 'question_concept');
	return {
		id: `csqa-${text(row, 'id') ?? row_idx}`,
		question,
		answer: key,
		answerType: 'choice',
		choices: pairs.map(([, t]) => t),
		split,
		...(concept ? { subject: concept } : {})
	};
}

/** SVAMP: body + question, numeric answer (27.0 becomes "27"). */
export function adaptSvamp({ row, row_idx }: DatasetRow, split: Split): Problem | string {
	const body = text(row, 'Body') ?? '';
	const q = text(row, 'Question');
	const joined = text(row, 'question_concat') ?? (q ? `${body.trim()} ${q.trim()}`.trim() : undefined);
	const raw = row.Answer;
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
	if (!joined || !Number.isFinite(value)) return `row ${row_idx}: SVAMP rows need "Body", "Question" and a numeric "Answer"`;
	const type = text(row, 'Type');
	return {
		id: `svamp-${text(row, 'ID') ?? row_idx}`,
		question: joined,
		answer: String(Number(value.toFixed(6))),
		answerType: 'number',
		split,
		...(type ? { subject: type } : {})
	};
}

export const DATASETS: Readonly<Record<DatasetId, DatasetSource>> = {
	gsm8k: { id: 'gsm8k', label: 'GSM8K', dataset: 'openai/gsm8k', config: 'main', split: 'test', adapt: adaptGsm8k },
	math: { id: 'math', label: 'MATH', dataset: 'DigitalLearningGmbH/MATH-lighteval', config: 'default', split: 'test', adapt: adaptMath },
	commonsenseqa: { id: 'commonsenseqa', label: 'CommonsenseQA', dataset: 'tau/commonsense_qa', config: 'default', split: 'validation', adapt: adaptCommonsenseQa },
	svamp: { id: 'svamp', label: 'SVAMP', dataset: 'ChilleD/SVAMP', config: 'default', split: 'test', adapt: adaptSvamp }
};

/** Adapts every row; unreadable rows are skipped and reported, never silently. */
export function adaptRows(source: DatasetSource, rows: readonly DatasetRow[], split: Split): { problems: Problem[]; skipped: string[] } {
	const problems: Problem[] = [];
	const skipped: string[] = [];
	for (const r of rows) {
		// The server cuts long cells to fit its page size; a cut solution may have lost its answer.
		if (r.truncated_cells?.length) {
			skipped.push(`row ${r.row_idx}: the server truncated ${r.truncated_cells.map((c) => `"${c}"`).join(', ')}`);
			continue;
		}
		const p = source.adapt(r, split);
		if (typeof p === 'string') skipped.push(p);
		else problems.push(p);
	}
	return { problems, skipped };
}
