// The samples browser's data side: an index of a bundle's samples by problem and model, and the
// filter that turns it into the list of rows to show. Pure TypeScript: it runs in the report
// worker (so 160,000 samples never cross to the main thread at once) and in unit tests.

import type { Bundle, Problem, Sample, Split } from '../types';
import type { Report } from '../metrics/reportTypes';
import { answerSpace, type AnswerMass } from '../metrics';
import { outputGroups } from './outputGroups';

export type { AnswerMass };

export type Correctness = 'any' | 'correct' | 'incorrect';

export interface SampleFilter {
	/** Models shown side by side; empty = all. */
	models: string[];
	split?: Split;
	level?: number;
	correctness: Correctness;
	/** Only problems whose solved status differs between the shown models. */
	changed: boolean;
	/** Only problems in IS(t) or RS(t) of the given model. */
	set?: { model: string; kind: 'improved' | 'regressed' };
	/** One problem only (e.g. from the answer-space view). */
	problem?: string;
	/** Only these problems (e.g. the problems behind a region of the solvable-sets diagram). */
	problems?: string[];
	/** Only samples whose index is below this (the first k samples behind a pass@k point). */
	maxIndex?: number;
	/** Case-insensitive text search in question, gold answer and sample text. */
	search: string;
	/** Identical outputs of a model on a problem shown once, with their count. */
	group: boolean;
	/** Problems shown sample by sample even while grouping. */
	expanded: string[];
}

export const emptyFilter = (): SampleFilter => ({ models: [], correctness: 'any', changed: false, search: '', group: true, expanded: [] });

/**
 * One line of the browser: a problem header (with how many samples grouping folds away), one
 * sample index with a cell per shown model, or, while grouping, each shown model's `slot`-th
 * distinct output.
 */
export type BrowserRow =
	| { kind: 'problem'; problem: string; folded: number }
	| { kind: 'samples'; problem: string; index: number }
	| { kind: 'outputs'; problem: string; slot: number };

export interface SampleIndex {
	problems: Map<string, Problem>;
	problemOrder: string[];
	models: string[];
	/** problem -> model -> samples sorted by index (greedy, -1, first). */
	byProblem: Map<string, Map<string, Sample[]>>;
}

export function buildSampleIndex(bundle: Bundle): SampleIndex {
	const problems = new Map(bundle.problems.map((p) => [p.id, p]));
	const byProblem = new Map<string, Map<string, Sample[]>>();
	for (const s of bundle.samples) {
		let perModel = byProblem.get(s.problem);
		if (!perModel) byProblem.set(s.problem, (perModel = new Map()));
		let list = perModel.get(s.model);
		if (!list) perModel.set(s.model, (list = []));
		list.push(s);
	}
	for (const perModel of byProblem.values()) for (const list of perModel.values()) list.sort((a, b) => a.index - b.index);
	const models = [...bundle.models].sort((a, b) => a.order - b.order).map((m) => m.id);
	return { problems, problemOrder: bundle.problems.map((p) => p.id), models, byProblem };
}

/** Solved by the report's rule: the greedy sample when there is one, else a strict majority of correct samples. */
function solved(list: Sample[] | undefined): boolean | undefined {
	if (!list || list.length === 0) return undefined;
	const greedy = list.find((s) => s.index === -1);
	if (greedy) return greedy.correct;
	const correct = list.filter((s) => s.correct).length;
	return correct * 2 > list.length;
}

/** Which samples of a problem the filter keeps (index range, correctness, search). */
export function sampleKeeper(f: SampleFilter, p: Problem): (s: Sample) => boolean {
	const needle = f.search.trim().toLowerCase();
	const problemMatches = needle === '' || p.question.toLowerCase().includes(needle) || p.answer.toLowerCase().includes(needle);
	return (s) =>
		!(f.maxIndex !== undefined && s.index >= f.maxIndex) &&
		!(f.correctness === 'correct' && !s.correct) &&
		!(f.correctness === 'incorrect' && s.correct) &&
		(problemMatches || s.text.toLowerCase().includes(needle));
}

export function filterRows(index: SampleIndex, report: Report | undefined, f: SampleFilter): BrowserRow[] {
	const shown = f.models.length ? f.models.filter((m) => index.models.includes(m)) : index.models;
	const expanded = new Set(f.expanded);
	let setIds: Set<string> | undefined;
	if (f.set) {
		const mr = report?.models.find((m) => m.model === f.set?.model);
		setIds = new Set(f.set.kind === 'improved' ? (mr?.sets?.improved ?? []) : (mr?.sets?.regressed ?? []));
	}
	const only = f.problems ? new Set(f.problems) : undefined;
	const rows: BrowserRow[] = [];
	for (const pid of index.problemOrder) {
		if (f.problem !== undefined && pid !== f.problem) continue;
		if (only && !only.has(pid)) continue;
		const p = index.problems.get(pid);
		const perModel = index.byProblem.get(pid);
		if (!p || !perModel) continue;
		if (f.split && p.split !== f.split) continue;
		if (f.level !== undefined && p.level !== f.level) continue;
		if (setIds && !setIds.has(pid)) continue;
		if (f.changed) {
			const states = new Set(shown.map((m) => solved(perModel.get(m))).filter((v) => v !== undefined));
			if (states.size < 2) continue;
		}
		const keep = sampleKeeper(f, p);
		const indices = new Set<number>();
		let slots = 0;
		let folded = 0;
		for (const m of shown) {
			const kept = (perModel.get(m) ?? []).filter(keep);
			for (const s of kept) indices.add(s.index);
			const distinct = outputGroups(kept).length;
			slots = Math.max(slots, distinct);
			folded += kept.length - distinct;
		}
		if (indices.size === 0) continue;
		rows.push({ kind: 'problem', problem: pid, folded });
		if (f.group && !expanded.has(pid)) for (let slot = 0; slot < slots; slot++) rows.push({ kind: 'outputs', problem: pid, slot });
		else for (const i of [...indices].sort((a, b) => a - b)) rows.push({ kind: 'samples', problem: pid, index: i });
	}
	return rows;
}

/** Distinct extracted answers of one model on one problem (the metrics library's answer-space view). */
export function answerSpaceOf(index: SampleIndex, problem: string, model: string): AnswerMass[] {
	const list = index.byProblem.get(problem)?.get(model) ?? [];
	return answerSpace(list, index.problems.get(problem)?.answer)?.answers ?? [];
}
