import { grade } from '../grading';
import type { Bundle, ExtractorId, Problem } from '../types';

/**
 * The bundle with every sample graded again from its text by another extractor (and the study's
 * extractor set to it), with the number of verdicts that changed: extraction rules alone move
 * scores by tens of points, so this is how a reader checks how much. Pure: the input is unchanged.
 */
export function regradeBundle(bundle: Bundle, extractor: ExtractorId): { bundle: Bundle; changed: number } {
	const problems = new Map<string, Problem>(bundle.problems.map((p) => [p.id, p]));
	let changed = 0;
	const samples = bundle.samples.map((s) => {
		const problem = problems.get(s.problem);
		if (!problem) return s;
		const g = grade(s.text, problem, extractor);
		if (g.correct !== s.correct) changed++;
		return { ...s, answer: g.answer, correct: g.correct };
	});
	return { bundle: { ...bundle, study: { ...bundle.study, extractor }, samples }, changed };
}
