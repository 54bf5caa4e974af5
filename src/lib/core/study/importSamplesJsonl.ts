import { grade } from '../grading';
import { GREEDY_INDEX, sampleKey, type Bundle, type ExtractorId, type Problem, type Sample } from '../types';
import { checkBundle } from './checkBundle';
import { formatPath, IssueList, type Issue } from './errors';
import { importedModel, importedProblem, importedStudyConfig } from './importDefaults';
import { describeSize, MAX_LINE_CHARS, MAX_SAMPLES } from './limits';
import { SampleLineSchema, type SampleLine } from './lineSchema';
import { splitLines } from './splitLines';

export interface ImportOptions {
	/** Extractor used to grade lines without `correct` and to extract answers; default 'auto'. */
	extractor?: ExtractorId;
	/** Study name, e.g. the file name. */
	name?: string;
	/** Model order; every model in the file must be listed. Default: order of first appearance. */
	models?: string[];
	/** Known problems: ids are checked against them and `gold` may then be omitted. */
	problems?: Problem[];
	/** Creation time written into the bundle; default now. */
	createdAt?: string;
	/** Longest accepted line, in characters; default 1,000,000. */
	maxLineChars?: number;
}

export type ImportResult = { ok: true; bundle: Bundle; warnings: string[] } | { ok: false; errors: Issue[]; omitted: number };

interface Seen {
	line: number;
	problem: Problem;
}

function describe(v: unknown): string {
	return JSON.stringify(v) ?? String(v);
}

/**
 * Convert a samples JSONL file (one {"model", "problem_id", "sample_index", "text", "gold", ...}
 * object per line) into a Bundle. Every error is line-numbered; nothing is dropped silently:
 * a file with any bad line is rejected whole, with the first 20 errors and a count of the rest.
 */
export function importSamplesJsonl(text: string, options: ImportOptions = {}): ImportResult {
	const { extractor = 'auto', name = 'imported samples', models: order, problems: known, maxLineChars = MAX_LINE_CHARS } = options;
	const issues = new IssueList();
	const problems = new Map<string, Seen>();
	const knownProblems = new Map((known ?? []).map((p) => [p.id, p]));
	const modelIds: string[] = [];
	const modelSet = new Set<string>(order ?? []);
	const firstLine = new Map<string, number>();
	const samples: Sample[] = [];
	const lines: SampleLine[] = [];
	let nonEmpty = 0;
	for (const line of splitLines(text, maxLineChars)) {
		const at = `line ${line.number}`;
		if (line.tooLong) {
			issues.add(at, `the line is ${describeSize(line.length)}, over the ${describeSize(maxLineChars)} limit for one sample (is this really a JSONL file?)`);
			nonEmpty++;
			continue;
		}
		if (line.text.trim().length === 0) continue;
		nonEmpty++;
		if (nonEmpty > MAX_SAMPLES) {
			issues.add(at, `more than ${MAX_SAMPLES.toLocaleString('en')} samples: split the file`);
			break;
		}
		let raw: unknown;
		try {
			raw = JSON.parse(line.text);
		} catch (e) {
			issues.add(at, `invalid JSON (${e instanceof Error ? e.message.replace(/ in JSON at position \d+.*$/, '') : 'parse error'})`);
			continue;
		}
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
			issues.add(at, 'each line should be one JSON object {"model": ..., "problem_id": ..., "sample_index": ..., "text": ...}');
			continue;
		}
		const parsed = SampleLineSchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = formatPath(issue.path);
				const got = issue.path.length > 0 ? (raw as Record<string, unknown>)[String(issue.path[0])] : undefined;
				const received = got === undefined ? ' (missing)' : issue.path.length === 1 ? ` (got ${describe(got).slice(0, 40)})` : '';
				issues.add(at, `${field ? field + ' ' : ''}${issue.message}${received}`);
			}
			continue;
		}
		const s = parsed.data;
		if (order && !modelSet.has(s.model)) {
			issues.add(at, `unknown model '${s.model}' (expected one of ${order.join(', ')})`);
			continue;
		}
		if (!order && !modelSet.has(s.model)) {
			modelSet.add(s.model);
			modelIds.push(s.model);
		}
		const key = sampleKey({ model: s.model, problem: s.problem_id, index: s.sample_index });
		const first = firstLine.get(key);
		if (first !== undefined) {
			issues.add(at, `duplicate sample (model '${s.model}', problem_id '${s.problem_id}', sample_index ${s.sample_index}); first on line ${first}`);
			continue;
		}
		firstLine.set(key, line.number);
		const problemError = recordProblem(s, line.number, problems, knownProblems);
		if (problemError) {
			issues.add(at, problemError);
			continue;
		}
		lines.push(s);
	}
	if (nonEmpty === 0 && issues.count === 0) issues.add('', 'the file has no samples (it is empty)');
	if (issues.count > 0) return { ok: false, errors: issues.issues, omitted: issues.omitted };

	let n = 0;
	let greedy = false;
	let graded = 0;
	for (const s of lines) {
		const problem = (problems.get(s.problem_id) as Seen).problem;
		if (s.sample_index === GREEDY_INDEX) greedy = true;
		else n = Math.max(n, s.sample_index + 1);
		const g = grade(s.text, problem, extractor);
		if (s.correct === undefined) graded++;
		samples.push({
			model: s.model,
			problem: s.problem_id,
			index: s.sample_index,
			seed: s.seed ?? 0,
			text: s.text,
			answer: s.answer !== undefined ? s.answer : g.answer,
			correct: s.correct ?? g.correct,
			tokens: s.tokens ?? 0,
			ms: s.ms ?? 0
		});
	}
	const ids = order ?? modelIds;
	const bundle: Bundle = {
		format: 'reversal-lab/bundle',
		version: 1,
		study: importedStudyConfig({ name, extractor, n, greedy, problemCount: problems.size }),
		problems: [...problems.values()].map((p) => p.problem),
		models: ids.map((id, i) => importedModel(id, i)),
		samples,
		environment: { app: 'reversal-lab', engine: 'import (samples JSONL)', browser: 'n/a' },
		createdAt: options.createdAt ?? new Date().toISOString()
	};
	const check = checkBundle(bundle);
	if (check.count > 0) return { ok: false, errors: check.issues, omitted: check.omitted };
	const warnings: string[] = [];
	if (graded > 0) warnings.push(`${graded} of ${samples.length} samples had no "correct" field and were graded with the '${extractor}' extractor`);
	return { ok: true, bundle, warnings };
}

// The same problem_id must describe the same problem on every line: a differing gold is an error,
// not a silent choice of one of them.
function recordProblem(s: SampleLine, line: number, problems: Map<string, Seen>, known: Map<string, Problem>): string | undefined {
	const prev = problems.get(s.problem_id);
	if (prev) {
		const p = prev.problem;
		if (s.gold !== undefined && s.gold !== p.answer) return `gold ${describe(s.gold)} differs from ${describe(p.answer)} given for problem '${s.problem_id}' on line ${prev.line}`;
		if (s.split !== undefined && s.split !== p.split) return `split "${s.split}" differs from "${p.split}" given for problem '${s.problem_id}' on line ${prev.line}`;
		if (s.level !== undefined && s.level !== p.level) return `level ${s.level} differs from ${p.level ?? 'none'} given for problem '${s.problem_id}' on line ${prev.line}`;
		return undefined;
	}
	const base = known.get(s.problem_id);
	if (known.size > 0 && !base) return `unknown problem_id '${s.problem_id}' (not in the problem set)`;
	const gold = s.gold ?? base?.answer;
	if (gold === undefined) return 'gold is missing: give the gold answer (a string) on the first line of each problem';
	const problem = base
		? { ...base, answer: gold }
		: importedProblem({
				id: s.problem_id,
				question: s.question,
				gold,
				answerType: s.answer_type,
				choices: s.choices,
				split: s.split,
				level: s.level,
				subject: s.subject
			});
	problems.set(s.problem_id, { line, problem });
	return undefined;
}
