import { goldChoice } from '../grading';
import { assembleBundle, type Entry, type ImportOptions, type ImportResult } from './assembleBundle';
import { IssueList } from './errors';
import { parseLine } from './importSamplesJsonl';
import { parseJsonText } from './parseJsonText';
import { describeSize, MAX_LINE_CHARS, MAX_SAMPLES } from './limits';
import type { SampleLine } from './lineSchema';
import { splitLines } from './splitLines';

/** One lm-evaluation-harness `--log_samples` file (samples_<task>_<date>.jsonl) and the model that made it. */
export interface LmEvalFile {
	/** Model id for every sample in the file (lm-eval writes one model per output directory). */
	model: string;
	text: string;
	/** Shown in error locations, e.g. the file name. */
	name?: string;
	/** Prefix of problem ids, so two tasks' doc_id 0 stay apart. Default none. */
	task?: string;
}

export interface LmEvalOptions extends ImportOptions {
	/** Which filter's metric to trust when a doc has one row per filter; default the first seen. */
	filter?: string;
}

type Row = Record<string, unknown>;

// Per-doc metrics lm-eval writes beside the sample, most specific first.
const METRICS = ['exact_match', 'acc', 'em', 'correct', 'score'];

function asText(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

// `arguments` is [[context, kwargs-or-continuation], ...] in older versions and
// {gen_args_0: {arg_0, arg_1}, ...} in newer ones.
function argumentPairs(args: unknown): Array<[unknown, unknown]> {
	if (Array.isArray(args)) return args.map((a) => (Array.isArray(a) ? [a[0], a[1]] : [a, undefined]));
	if (args && typeof args === 'object') {
		return Object.keys(args)
			.sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))
			.map((k) => {
				const v = (args as Record<string, Record<string, unknown>>)[k];
				return [v?.arg_0, v?.arg_1];
			});
	}
	return [];
}

function metricOf(row: Row): boolean | undefined {
	const listed = Array.isArray(row.metrics) ? row.metrics.filter((m): m is string => typeof m === 'string') : [];
	for (const name of [...listed, ...METRICS]) {
		const v = row[name];
		if (typeof v === 'boolean') return v;
		if (typeof v === 'number' && Number.isFinite(v)) return v >= 0.5;
	}
	return undefined;
}

function questionOf(row: Row, pairs: Array<[unknown, unknown]>): string {
	const doc = row.doc && typeof row.doc === 'object' ? (row.doc as Row) : {};
	for (const k of ['question', 'problem', 'query', 'input', 'prompt', 'text']) {
		if (typeof doc[k] === 'string') return doc[k] as string;
	}
	const ctx = pairs[0]?.[0];
	return typeof ctx === 'string' ? ctx : '';
}

function levelOf(row: Row): number | undefined {
	const doc = row.doc && typeof row.doc === 'object' ? (row.doc as Row) : {};
	const m = typeof doc.level === 'string' ? /(\d+)/.exec(doc.level) : null;
	if (m) return Number(m[1]);
	return typeof doc.level === 'number' && Number.isInteger(doc.level) && doc.level >= 1 ? doc.level : undefined;
}

/** The generation settings lm-eval recorded with a request (temperature, top_p, max_gen_toks), if any. */
function samplingOf(row: Row): ImportOptions['sampling'] {
	const kwargs = argumentPairs(row.arguments)[0]?.[1];
	if (!kwargs || typeof kwargs !== 'object') return undefined;
	const k = kwargs as Row;
	const num = (v: unknown, ok: (x: number) => boolean) => (typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : undefined);
	const temperature = k.do_sample === false ? 0 : num(k.temperature, (x) => x >= 0 && x <= 5);
	const topP = num(k.top_p, (x) => x >= 0 && x <= 1);
	const maxTokens = num(k.max_gen_toks, (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000);
	if (temperature === undefined && topP === undefined && maxTokens === undefined) return undefined;
	return { ...(temperature !== undefined ? { temperature } : {}), ...(topP !== undefined ? { topP } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}) };
}

/** Turns the rows of one doc into sample records, or says what is wrong with them. */
function docRecords(model: string, problemId: string, rows: Row[], filter: string | undefined): SampleLine[] | string {
	const first = rows[0] as Row;
	const chosen = rows.find((r) => r.filter === filter) ?? first;
	const target = Array.isArray(first.target) ? first.target[0] : first.target;
	const rawGold = asText(target);
	if (rawGold === undefined) return 'target should be a string or a number (the gold answer)';
	// GSM8K targets are whole solutions ending "#### 72": assembleBundle takes the gold from them, as for any import.
	const gold = rawGold.trim();
	const pairs = argumentPairs(first.arguments);
	const question = questionOf(first, pairs);
	const level = levelOf(first);
	const resps = Array.isArray(first.resps) ? first.resps : Array.isArray(first.filtered_resps) ? [first.filtered_resps] : undefined;
	if (!resps || resps.length === 0) return 'resps should be a non-empty array of responses';
	const flat: unknown[] = resps.flatMap((r) => (Array.isArray(r) ? r : [r]));
	const common = { model, problem_id: problemId, question, ...(level !== undefined ? { level } : {}) };

	// Log-likelihood tasks (multiple choice): one [loglik, is_greedy] per option; the model's answer is the argmax.
	const lls = flat.map((x) => (Array.isArray(x) ? Number(x[0]) : typeof x === 'string' ? NaN : Number(x)));
	if (lls.length > 1 && lls.every((x) => Number.isFinite(x))) {
		const choices = pairs.map(([, cont]) => (typeof cont === 'string' ? cont.trim() : ''));
		const best = lls.indexOf(Math.max(...lls));
		const letter = String.fromCharCode(65 + best);
		const goldLetter = typeof target === 'number' ? String.fromCharCode(65 + target) : (goldChoice(gold, choices) ?? gold);
		const correct = metricOf(chosen) ?? letter === goldLetter;
		return [
			{
				...common,
				sample_index: -1,
				text: `Answer: ${letter}${choices[best] ? ` (${choices[best]})` : ''} [highest log-likelihood of ${lls.length} options]`,
				gold: goldLetter,
				answer_type: 'choice',
				choices: choices.length === lls.length ? choices : undefined,
				answer: letter,
				correct
			}
		];
	}
	const texts = flat.filter((x): x is string => typeof x === 'string');
	if (texts.length !== flat.length) return 'resps should hold generated strings or [log-likelihood, is_greedy] pairs';
	const kwargs = pairs[0]?.[1];
	const k = kwargs && typeof kwargs === 'object' ? (kwargs as Row) : {};
	const greedy = k.do_sample === false || k.temperature === 0;
	if (texts.length === 1) {
		const metric = metricOf(chosen);
		return [{ ...common, sample_index: greedy ? -1 : 0, text: texts[0] as string, gold, ...(metric !== undefined ? { correct: metric } : {}) }];
	}
	// Repeats: lm-eval's per-doc metric scores the filtered (e.g. majority) answer, not each sample,
	// so each sample is graded here.
	return texts.map((text, i) => ({ ...common, sample_index: i, text, gold }));
}

/**
 * The rows of an lm-eval samples file with their locations: JSONL ("line 17"), or the JSON array
 * that lm-eval versions before 0.4.3 wrote ("item 17").
 */
function* rowsOf(text: string, where: string, maxLineChars: number): Generator<{ at: string; row: unknown } | { at: string; error: string }> {
	if (/^\uFEFF?\s*\[/.test(text.slice(0, 100))) {
		const parsed = parseJsonText(text);
		if (!parsed.ok) {
			yield { at: `${where}`.trim(), error: parsed.message };
			return;
		}
		const items = Array.isArray(parsed.value) ? parsed.value : [];
		for (let i = 0; i < items.length; i++) yield { at: `${where}item ${i}`, row: items[i] };
		return;
	}
	for (const line of splitLines(text, maxLineChars)) {
		const at = `${where}line ${line.number}`;
		if (line.tooLong) {
			yield { at, error: `the line is ${describeSize(line.length)}, over the ${describeSize(maxLineChars)} limit for one sample` };
			continue;
		}
		if (line.text.trim().length === 0) continue;
		const parsed = parseLine(line.text);
		yield parsed.ok ? { at, row: parsed.value } : { at, error: parsed.message };
	}
}

/**
 * Convert lm-evaluation-harness `--log_samples` JSONL files (one per model) into a Bundle.
 * Generation tasks keep each response as a sample (greedy when the generation kwargs say so);
 * a single response takes lm-eval's own per-doc metric (exact_match / acc) for its correctness;
 * repeats are graded with the chosen extractor. Multiple-choice log-likelihood tasks become one
 * greedy choice per doc. Rows repeated per filter are merged (`filter` picks whose metric counts).
 */
export function importLmEval(files: LmEvalFile[], options: LmEvalOptions = {}): ImportResult {
	const issues = new IssueList();
	const entries: Entry[] = [];
	let sampling: ImportOptions['sampling'];
	let records = 0;
	for (const file of files) {
		const where = file.name ? `${file.name} ` : '';
		const docs = new Map<string, { at: string; rows: Row[] }>();
		let filter = options.filter;
		for (const item of rowsOf(file.text, where, options.maxLineChars ?? MAX_LINE_CHARS)) {
			const at = item.at;
			if ('error' in item) {
				issues.add(at, item.error);
				continue;
			}
			if (++records > MAX_SAMPLES) {
				issues.add(at, `more than ${MAX_SAMPLES.toLocaleString('en')} rows: split the file`);
				break;
			}
			const row = item.row;
			if (typeof row !== 'object' || row === null || Array.isArray(row)) {
				issues.add(at, 'each line should be one JSON object with doc_id, target and resps');
				continue;
			}
			const r = row as Row;
			const docId = r.doc_id;
			if (!(typeof docId === 'number' && Number.isInteger(docId) && docId >= 0) && !(typeof docId === 'string' && docId.length > 0)) {
				issues.add(at, `doc_id should be an integer >= 0 (got ${JSON.stringify(docId) ?? 'nothing'})`);
				continue;
			}
			if (filter === undefined && typeof r.filter === 'string') filter = r.filter;
			const id = file.task ? `${file.task}/${docId}` : String(docId);
			const doc = docs.get(id);
			if (doc) doc.rows.push(r);
			else docs.set(id, { at, rows: [r] });
		}
		for (const [id, { at, rows }] of docs) {
			const filters = rows.map((r) => r.filter);
			if (new Set(filters).size !== filters.length) {
				issues.add(at, `doc_id ${id} appears more than once with the same filter`);
				continue;
			}
			sampling ??= samplingOf(rows[0] as Row);
			const made = docRecords(file.model, id, rows, filter);
			if (typeof made === 'string') issues.add(at, made);
			else for (const s of made) entries.push({ at, s });
		}
	}
	return assembleBundle(entries, { ...options, sampling: options.sampling ?? sampling }, 'import (lm-evaluation-harness samples)', issues);
}
