// The field-mapping step of an upload: which column holds the question, the answer, the split,
// the level, ... Every record is checked; problems come with line-numbered errors for the rest,
// and notes on what was read differently from the file's own text (a gold taken from a worked solution).
import { inferAnswerType } from '../grading';
import type { Problem, Split } from '../types';
import { GOLD_SOURCE_LABEL, goldFromSolution, type GoldSource } from './goldFromSolution';
import type { ParsedTable } from './parseJsonl';
import { fmtCount } from '../format/fmtCount';

export interface FieldMapping {
	question: string;
	/** The gold answer; may be omitted when `solution` is mapped (the gold is then taken from it). */
	answer?: string;
	id?: string;
	split?: string;
	level?: string;
	subject?: string;
	solution?: string;
	/** A column with a list (JSON array, or "a | b | c" in CSV) of choices. */
	choices?: string;
	/**
	 * Keep the answer column exactly as written, even when it holds worked solutions (the undo of
	 * taking the gold from '#### x' or \boxed{}). Default false.
	 */
	answerAsIs?: boolean;
}

export interface MappingIssue {
	line: number;
	field: string;
	message: string;
}

export interface MappedProblems {
	problems: Problem[];
	issues: MappingIssue[];
	/** What was read other than as written, with counts ("gold taken from '#### ...' for 1,319 problems"). */
	notes: string[];
	/** Problems whose gold was taken from a worked solution in the answer column (what answerAsIs undoes). */
	goldTaken: number;
}

type Column = Exclude<keyof FieldMapping, 'answerAsIs'>;

const GUESSES: Record<Column, readonly string[]> = {
	question: ['question', 'problem', 'prompt', 'input', 'query', 'body'],
	answer: ['answer', 'gold', 'target', 'label', 'answerkey', 'output', 'solution_answer'],
	id: ['id', 'unique_id', 'problem_id', 'uid', 'idx'],
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
	for (const field of Object.keys(GUESSES) as Column[]) {
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

export function mapFields(table: ParsedTable, mapping: FieldMapping): MappedProblems {
	const issues: MappingIssue[] = [];
	const has = (column: string | undefined): column is string => !!column && table.columns.includes(column);
	if (!has(mapping.question)) issues.push({ line: 0, field: 'question', message: 'Choose the column that holds the question.' });
	if (!has(mapping.answer) && !has(mapping.solution))
		issues.push({ line: 0, field: 'answer', message: 'Choose the column that holds the answer, or a solution column to take the gold answer from.' });
	if (issues.length) return { problems: [], issues, notes: [], goldTaken: 0 };
	const problems: Problem[] = [];
	const ids = new Set<string>();
	const taken: Record<GoldSource, number> = { gsm8k: 0, boxed: 0 };
	let fromSolution = 0;
	let unknownLevels = 0;
	for (const { line, values } of table.records) {
		const bad = (field: string, message: string) => issues.push({ line, field, message: `Line ${line}, ${field}: ${message}` });
		const question = asText(values[mapping.question]);
		let solution = mapping.solution ? asText(values[mapping.solution]) : undefined;
		let answer: string | undefined;
		if (has(mapping.answer)) {
			answer = asText(values[mapping.answer]);
			// A worked solution in the answer column (GSM8K's "... #### 72", MATH's \boxed{}): the gold is in it.
			const found = answer && !mapping.answerAsIs ? goldFromSolution(answer) : undefined;
			if (found && answer) {
				solution ??= answer.trim();
				answer = found.gold;
				taken[found.from]++;
			}
			if (!answer) bad(mapping.answer, 'the answer is empty.');
		} else {
			const found = solution ? goldFromSolution(solution) : undefined;
			if (found) {
				answer = found.gold;
				fromSolution++;
			} else bad(mapping.solution ?? 'solution', "the solution has no '#### x' line or \\boxed{} to take the gold answer from.");
		}
		if (!question) bad(mapping.question, 'the question is empty.');
		const choices = mapping.choices ? asChoices(values[mapping.choices]) : undefined;
		let split: Split = 'in-domain';
		if (mapping.split && values[mapping.split] !== undefined && values[mapping.split] !== '') {
			const s = SPLITS[String(values[mapping.split]).trim().toLowerCase()];
			if (s) split = s;
			else bad(mapping.split, `"${String(values[mapping.split])}" is not a split; use "in-domain" or "ood".`);
		}
		let level: number | undefined;
		if (mapping.level && values[mapping.level] !== undefined && values[mapping.level] !== '') {
			const raw = String(values[mapping.level]).trim();
			const m = /^(?:level\s*)?(\d+)$/i.exec(raw);
			if (m && Number(m[1]) >= 1) level = Number(m[1]);
			// MATH marks a few problems "Level ?": no level, counted in the notes.
			else if (/^(?:level\s*)?\?$/i.test(raw)) unknownLevels++;
			else bad(mapping.level, `"${raw}" is not a level; use a whole number from 1 (or "Level 3").`);
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
			else bad(mapping.answer ?? 'answer', `the answer "${answer}" is neither a choice letter (A-${String.fromCharCode(64 + choices.length)}) nor one of the choices.`);
		}
		const subject = mapping.subject ? asText(values[mapping.subject]) : undefined;
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
	const notes: string[] = [];
	for (const from of ['gsm8k', 'boxed'] as const)
		if (taken[from]) notes.push(`gold taken from ${GOLD_SOURCE_LABEL[from]} for ${fmtCount(taken[from], 'problem')} (the '${mapping.answer}' column holds worked solutions, kept as the solution)`);
	if (fromSolution) notes.push(`gold taken from the '${mapping.solution}' column for ${fmtCount(fromSolution, 'problem')} (no answer column)`);
	if (unknownLevels) notes.push(`${fmtCount(unknownLevels, 'problem')} marked "Level ?" ${unknownLevels === 1 ? 'has' : 'have'} no level`);
	return { problems, issues, notes, goldTaken: taken.gsm8k + taken.boxed };
}
