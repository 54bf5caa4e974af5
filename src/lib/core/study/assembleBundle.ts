import { createGrader } from '../grading';
import { GOLD_SOURCE_LABEL, goldFromSolution, type GoldSource } from '../problems/goldFromSolution';
import { GREEDY_INDEX, type Bundle, type ExtractorId, type Lap, type Problem, type Sample, type SamplingParams } from '../types';
import { checkBundle } from './checkBundle';
import { createFirstSeen } from './firstSeen';
import { IssueList, type Issue } from './errors';
import { importedModel, importedProblem, importedStudyConfig } from './importDefaults';
import type { SampleLine } from './lineSchema';

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
	/** Sampling settings known from elsewhere; n and greedy always come from the samples. */
	sampling?: Partial<Pick<SamplingParams, 'temperature' | 'topP' | 'maxTokens'>>;
	/** Told as each phase of the import ends (a benchmark's breakdown). */
	lap?: Lap;
	/**
	 * Told of each sample, with its problem, as soon as its line is accepted and graded, in file order,
	 * while later lines are still being read (the command line's worker threads start on them
	 * meanwhile). A file that turns out bad still rejects the whole import: what was told is then to
	 * be dropped.
	 */
	onSample?: (sample: Sample, problem: Problem) => void;
}

export type ImportResult = { ok: true; bundle: Bundle; warnings: string[] } | { ok: false; errors: Issue[]; omitted: number };

/** One parsed record and where it came from ("line 17", "a.jsonl line 17"). */
export interface Entry {
	at: string;
	s: SampleLine;
}

interface Seen {
	at: string;
	problem: Problem;
}

function describe(v: unknown): string {
	return JSON.stringify(v) ?? String(v);
}

/**
 * The shared second half of every import: model order, duplicate keys, one consistent problem per
 * id, grading of records without `correct`, then the bundle's own cross-checks. Issues found while
 * parsing arrive in `issues`; any issue at all rejects the whole import (nothing dropped silently).
 */
export function assembleBundle(entries: Iterable<Entry>, options: ImportOptions, engine: string, earlier = new IssueList()): ImportResult {
	const { extractor = 'auto', name = 'imported samples', models: order, problems: known, lap, onSample } = options;
	// `entries` may be a generator still adding its own (parse) issues to `earlier`: this function's
	// issues are kept apart and listed after them, as when every line was parsed first.
	const issues = new IssueList(earlier.limit);
	const problems = new Map<string, Seen>();
	const knownProblems = new Map((known ?? []).map((p) => [p.id, p]));
	const modelIds: string[] = [];
	const modelSet = new Set<string>(order ?? []);
	const firstAt = createFirstSeen<string>();
	const samples: Sample[] = [];
	let n = 0;
	let greedy = false;
	let graded = 0;
	const taken = new Map<string, GoldSource>();
	// Every line of a problem repeats its gold: look inside each distinct gold once.
	const golds = new Map<string, ReturnType<typeof goldFromSolution>>();
	// A problem's outputs repeat a few answers: each is normalised and compared with the gold once.
	const grade = createGrader(extractor);
	const workedGold = (gold: string) => {
		if (!golds.has(gold)) golds.set(gold, goldFromSolution(gold));
		return golds.get(gold);
	};
	for (const { at, s } of entries) {
		if (order && !modelSet.has(s.model)) {
			issues.add(at, `unknown model '${s.model}' (expected one of ${order.join(', ')})`);
			continue;
		}
		if (!modelSet.has(s.model)) {
			modelSet.add(s.model);
			modelIds.push(s.model);
		}
		const first = firstAt(s.model, s.problem_id, s.sample_index, at);
		if (first !== undefined) {
			issues.add(at, `duplicate sample (model '${s.model}', problem_id '${s.problem_id}', sample_index ${s.sample_index}); first on ${first}`);
			continue;
		}
		// A raw worked solution as gold (GSM8K's "... #### 72") would grade every sample wrong: take its answer.
		const worked = s.gold !== undefined ? workedGold(s.gold) : undefined;
		if (worked && !problems.has(s.problem_id)) taken.set(s.problem_id, worked.from);
		const problemError = recordProblem(worked ? { ...s, gold: worked.gold } : s, at, problems, knownProblems, worked ? s.gold : undefined);
		if (problemError) {
			issues.add(at, problemError);
			continue;
		}
		lap?.('validate');
		// Graded as soon as accepted (the problem is fixed by its first line): the same grade as after
		// the last line, and the sample can be told to onSample while the file is still being read.
		const problem = (problems.get(s.problem_id) as Seen).problem;
		if (s.sample_index === GREEDY_INDEX) greedy = true;
		else n = Math.max(n, s.sample_index + 1);
		const g = grade(s.text, problem);
		if (s.correct === undefined) graded++;
		const sample: Sample = {
			model: s.model,
			problem: s.problem_id,
			index: s.sample_index,
			seed: s.seed ?? 0,
			text: s.text,
			answer: s.answer !== undefined ? s.answer : g.answer,
			correct: s.correct ?? g.correct,
			tokens: s.tokens ?? 0,
			ms: s.ms ?? 0
		};
		if (s.finish) sample.finish = s.finish;
		samples.push(sample);
		lap?.('grade');
		onSample?.(sample, problem);
	}
	lap?.('validate');
	const all = new IssueList(earlier.limit);
	for (const list of [earlier, issues]) {
		for (const issue of list.issues) all.add(issue.path, issue.message);
		all.omitted += list.omitted;
	}
	if (samples.length === 0 && all.count === 0) all.add('', 'the file has no samples (it is empty)');
	if (all.count > 0) return { ok: false, errors: all.issues, omitted: all.omitted };

	const ids = order ?? modelIds;
	const bundle: Bundle = {
		format: 'reversal-lab/bundle',
		version: 1,
		study: importedStudyConfig({ name, extractor, n, greedy, problemCount: problems.size, sampling: options.sampling }),
		problems: [...problems.values()].map((p) => p.problem),
		models: ids.map((id, i) => importedModel(id, i)),
		samples,
		environment: { app: 'reversal-lab', engine, browser: 'n/a' },
		createdAt: options.createdAt ?? new Date().toISOString()
	};
	const check = checkBundle(bundle);
	lap?.('validate');
	if (check.count > 0) return { ok: false, errors: check.issues, omitted: check.omitted };
	const warnings: string[] = [];
	for (const from of ['gsm8k', 'boxed'] as const) {
		const count = [...taken.values()].filter((f) => f === from).length;
		if (count > 0) warnings.push(`gold taken from ${GOLD_SOURCE_LABEL[from]} for ${count.toLocaleString('en')} of ${bundle.problems.length.toLocaleString('en')} problems: their "gold" was a worked solution (kept as the solution)`);
	}
	if (graded > 0) warnings.push(`${graded} of ${samples.length} samples had no "correct" field and were graded with the '${extractor}' extractor`);
	return { ok: true, bundle, warnings };
}

// The same problem_id must describe the same problem on every line: a differing gold is an error,
// not a silent choice of one of them.
function recordProblem(s: SampleLine, at: string, problems: Map<string, Seen>, known: Map<string, Problem>, solution?: string): string | undefined {
	const prev = problems.get(s.problem_id);
	if (prev) {
		const p = prev.problem;
		if (s.gold !== undefined && s.gold !== p.answer) return `gold ${describe(s.gold)} differs from ${describe(p.answer)} given for problem '${s.problem_id}' on ${prev.at}`;
		if (s.split !== undefined && s.split !== p.split) return `split "${s.split}" differs from "${p.split}" given for problem '${s.problem_id}' on ${prev.at}`;
		if (s.level !== undefined && s.level !== p.level) return `level ${s.level} differs from ${p.level ?? 'none'} given for problem '${s.problem_id}' on ${prev.at}`;
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
				subject: s.subject,
				solution
			});
	problems.set(s.problem_id, { at, problem });
	return undefined;
}
