import type { Bundle } from '../types';
import { IssueList } from './errors';
import { createFirstSeen } from './firstSeen';

/**
 * Cross-checks a structurally valid bundle: ids unique, every sample names a known model and
 * problem, one sample per (model, problem, index), indices within the study's n, a known reference.
 */
export function checkBundle(bundle: Bundle, issues = new IssueList()): IssueList {
	const models = new Map<string, number>();
	bundle.models.forEach((m, i) => {
		const first = models.get(m.id);
		if (first !== undefined) issues.add(`models[${i}].id`, `duplicate model id '${m.id}' (also models[${first}])`);
		else models.set(m.id, i);
	});
	const problems = new Map<string, number>();
	bundle.problems.forEach((p, i) => {
		const first = problems.get(p.id);
		if (first !== undefined) issues.add(`problems[${i}].id`, `duplicate problem id '${p.id}' (also problems[${first}])`);
		else problems.set(p.id, i);
	});
	const ref = bundle.study.reference;
	if (ref !== undefined && !models.has(ref)) issues.add('study.reference', `unknown model id '${ref}'`);
	const n = bundle.study.sampling.n;
	const firstAt = createFirstSeen<number>();
	const samples = bundle.samples;
	for (let i = 0; i < samples.length; i++) {
		const s = samples[i] as Bundle['samples'][number];
		if (!models.has(s.model)) issues.add(`samples[${i}].model`, `unknown model id '${s.model}'`);
		if (!problems.has(s.problem)) issues.add(`samples[${i}].problem`, `unknown problem id '${s.problem}'`);
		if (s.index >= n) issues.add(`samples[${i}].index`, `${s.index} is not below study.sampling.n (${n})`);
		const first = firstAt(s.model, s.problem, s.index, i);
		if (first !== undefined) {
			issues.add(
				`samples[${i}]`,
				`duplicate sample (model '${s.model}', problem '${s.problem}', index ${s.index}); first at samples[${first}]`
			);
		}
	}
	return issues;
}
