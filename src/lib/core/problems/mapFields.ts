// The field-mapping step of an upload: which column holds the question, the answer, the split,
// the level, ... Every record is checked; problems come with line-numbered errors for the rest.
import { inferAnswerType } from '../grading';
import type { Problem, Split } from '../types';
import type { ParsedTable } from './parseJsonl';

export interface FieldMapping {
	question: string;
	answer: string;
	id?: string;
	split?: string;
	level?: string;
	subject?: string;
	solution?: string;
	/** A column with a list (JSON array, or "a | b | c" in CSV) of choices. */
	choices?: string;
}

export interface MappingIssue {
	line: number;
	field: string;
	message: string;
}

const GUESSES: Record<keyof FieldMapping, readonly string[]> = {
	question: ['question', 'problem', 'prompt', 'input', 'query', 'body'],
	answer: ['answer', 'gold', 'target', 'label', 'answerkey', 'output', 'solution_answer'],
	id: ['id', 'problem_id', 'uid'],
	split: ['split', 'domain'],
	level: ['level', 'difficulty'],
	subject: ['subject', 'type', 'category', 'topic'],
	solution: ['solution', 'rationale', 'explanation'],
	choices: ['choices', 'options']
};

/** A first mapping from the column names; the user confirms or changes it. */
export function guessMapping(columns: readonly string[]): Partial<FieldMapping> {
	const out: Partial<FieldMapping> = {};
	const used = new Set<string>();
	for (const field of Object.keys(GUESSES) as (keyof FieldMapping)[]) {
		const hit = GUESSES[field].map((g) => columns.find((c) => c.toLowerCase() === g && !used.has(c))).find(Boolean);
		if (hit) {
			out[field] = hit;
			used.add(hit);
		}
	}
	return out;
}

const SPLITS: Record<string, Split> = { 'in-domain': 'in-domain', id: 'in-domain', in: 'in-domain', ind: 'in-domain', ood: 'ood', 'out-of-domain': 'ood', out: 'ood' };

function asText(v: unknown): string | undefined {
	if (typeof v === 'string') return v.trim() === '' ? undefined : v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

function asChoices(v: unknown): string[] | undefined {
	if (Array.isArray(v)) return v.map(String);
	if (typeof v !== 'string' || v.trim() === '') return undefined;
	if (v.trim().startsWith('[')) {
		try {
			const a: unknown = JSON.parse(v);
			if (Array.isArray(a)) return a.map(String);
		} catch {
			/* fall through to the "|" form */
		}
	}
	return v.split('|').map((s) => s.trim());
}

export function mapFields(table: ParsedTable, mapping: FieldMapping): { problems: Problem[]; issues: MappingIssue[] } {
	const issues: MappingIssue[] = [];
	for (const f of ['question', 'answer'] as const)
		if (!mapping[f] || !table.columns.includes(mapping[f])) issues.push({ line: 0, field: f, message: `Choose the column that holds the ${f}.` });
	if (issues.length) return { problems: [], issues };
	const problems: Problem[] = [];
	const ids = new Set<string>();
	for (const { line, values } of table.records) {
		const bad = (field: string, message: string) => issues.push({ line, field, message: `Line ${line}, ${field}: ${message}` });
		const question = asText(values[mapping.question]);
		let answer = asText(values[mapping.answer]);
		if (!question) bad(mapping.question, 'the question is empty.');
		if (!answer) bad(mapping.answer, 'the answer is empty.');
		const choices = mapping.choices ? asChoices(values[mapping.choices]) : undefined;
		let split: Split = 'in-domain';
		if (mapping.split && values[mapping.split] !== undefined && values[mapping.split] !== '') {
			const s = SPLITS[String(values[mapping.split]).trim().toLowerCase()];
			if (s) split = s;
			else bad(mapping.split, `"${String(values[mapping.split])}" is not a split; use "in-domain" or "ood".`);
		}
		let level: number | undefined;
		if (mapping.level && values[mapping.level] !== undefined && values[mapping.level] !== '') {
			const m = /^(?:level\s*)?(\d+)$/i.exec(String(values[mapping.level]).trim());
			if (m && Number(m[1]) >= 1) level = Number(m[1]);
			else bad(mapping.level, `"${String(values[mapping.level])}" is not a level; use a whole number from 1.`);
		}
		let id = mapping.id ? asText(values[mapping.id]) : undefined;
		id ??= `upload-${line}`;
		if (ids.has(id)) bad(mapping.id ?? 'id', `the id "${id}" is used twice.`);
		ids.add(id);
		if (!question || !answer) continue;
		if (choices) {
			const letter = answer.trim().toUpperCase();
			const index = letter.length === 1 ? letter.charCodeAt(0) - 65 : -1;
			if (index >= 0 && index < choices.length) answer = letter;
			else if (choices.includes(answer.trim())) answer = String.fromCharCode(65 + choices.indexOf(answer.trim()));
			else bad(mapping.answer, `the answer "${answer}" is neither a choice letter (A-${String.fromCharCode(64 + choices.length)}) nor one of the choices.`);
		}
		const subject = mapping.subject ? asText(values[mapping.subject]) : undefined;
		const solution = mapping.solution ? asText(values[mapping.solution]) : undefined;
		problems.push({
			id,
			question,
			answer,
			answerType: inferAnswerType(answer, choices),
			split,
			...(choices ? { choices } : {}),
			...(level !== undefined ? { level } : {}),
			...(subject ? { subject } : {}),
			...(solution ? { solution } : {})
		});
	}
	return { problems, issues };
}
