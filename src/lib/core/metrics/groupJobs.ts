import type { Bundle, Sample } from '../types';
import { kValues } from './kValues';

/** The samples of one (model, problem), indices into the study's models (by order) and problems. */
export interface GroupJob {
	model: number;
	problem: number;
	greedy?: { answer: string | null; correct: boolean };
	sampled: Pick<Sample, 'index' | 'text' | 'answer' | 'correct'>[];
}

/**
 * A bundle cut into its (model, problem) groups, for computing their statistics in several threads
 * (groupStats), with the k values the report will use and `parts` slices of about equal text length
 * (contiguous groups, so the split is a function of the bundle and `parts` alone). A later sample
 * with the key of an earlier one replaces it, as in the report builder.
 */
export function groupJobs(bundle: Bundle, parts: number): { ks: number[]; parts: GroupJob[][] } {
	const models = [...bundle.models].sort((a, b) => a.order - b.order);
	const modelIndex = new Map(models.map((m, i) => [m.id, i]));
	const problemIndex = new Map(bundle.problems.map((p, i) => [p.id, i]));
	const groups = new Map<number, GroupJob & { at: Map<number, number> }>();
	const width = bundle.problems.length;
	let chars = 0;
	for (const s of bundle.samples) {
		const m = modelIndex.get(s.model);
		const p = problemIndex.get(s.problem);
		// Left to the report builder, which throws the located error.
		if (m === undefined || p === undefined) throw new Error(`sample of an unknown model or problem: '${s.model}', '${s.problem}'`);
		const key = m * width + p;
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { model: m, problem: p, sampled: [], at: new Map() }));
		if (s.index < 0) {
			g.greedy = { answer: s.answer, correct: s.correct };
			continue;
		}
		const item = { index: s.index, text: s.text, answer: s.answer, correct: s.correct };
		const at = g.at.get(s.index);
		if (at === undefined) {
			g.at.set(s.index, g.sampled.length);
			g.sampled.push(item);
		} else g.sampled[at] = item;
		chars += s.text.length;
	}
	let maxN = 0;
	for (const g of groups.values()) maxN = Math.max(maxN, g.sampled.length);
	const ks = kValues(Math.max(bundle.study.sampling.n, maxN));
	const sorted = [...groups.keys()].sort((a, b) => a - b).map((k) => groups.get(k)!);
	const out: GroupJob[][] = Array.from({ length: Math.max(1, parts) }, () => []);
	let done = 0;
	for (const g of sorted) {
		const job: GroupJob = { model: g.model, problem: g.problem, sampled: g.sampled, ...(g.greedy ? { greedy: g.greedy } : {}) };
		const part = Math.min(out.length - 1, Math.floor((done * out.length) / Math.max(1, chars)));
		out[part]!.push(job);
		for (const s of job.sampled) done += s.text.length;
	}
	return { ks, parts: out };
}
