import { createGrader } from '../grading';
import type { Bundle, ExtractorId, Problem, Sample } from '../types';

export interface Regrader {
	/** The sample graded again from its text (a new object; the input is unchanged). */
	sample(s: Sample, problem: Problem): Sample;
	/** Verdicts that changed so far. */
	readonly changed: number;
}

/**
 * Grades samples again from their texts by another extractor, one at a time (the command line does
 * it as the file streams in) and counts the verdicts that changed. Graded as regradeBundle grades.
 */
export function createRegrader(extractor: ExtractorId): Regrader {
	const grade = createGrader(extractor);
	let changed = 0;
	return {
		sample(s, problem) {
			const g = grade(s.text, problem);
			if (g.correct !== s.correct) changed++;
			return { ...s, answer: g.answer, correct: g.correct };
		},
		get changed() {
			return changed;
		}
	};
}

/** The study of a bundle whose samples were graded again by `extractor`. */
export function regradedStudy(bundle: Bundle, extractor: ExtractorId, samples: Sample[]): Bundle {
	return { ...bundle, study: { ...bundle.study, extractor }, samples };
}

/**
 * The bundle with every sample graded again from its text by another extractor (and the study's
 * extractor set to it), with the number of verdicts that changed: extraction rules alone move
 * scores by tens of points, so this is how a reader checks how much. Pure: the input is unchanged.
 */
export function regradeBundle(bundle: Bundle, extractor: ExtractorId): { bundle: Bundle; changed: number } {
	const problems = new Map<string, Problem>(bundle.problems.map((p) => [p.id, p]));
	const regrader = createRegrader(extractor);
	const samples = bundle.samples.map((s) => {
		const problem = problems.get(s.problem);
		return problem ? regrader.sample(s, problem) : s;
	});
	return { bundle: regradedStudy(bundle, extractor, samples), changed: regrader.changed };
}
