import type { AnswerType, ExtractorId } from '../types';
import { extractAnswer } from './extractAnswer';
import { grade } from './grade';
import type { Grade, GradeOptions } from './types';

type GradedProblem = { answer: string; answerType: AnswerType; choices?: readonly string[] };

/**
 * grade() for many outputs of the same problems: the answer is extracted from every text, but what
 * follows (normalising it and comparing it with the gold, the costly part) is done once per problem
 * and extracted answer, then remembered: outputs of one problem repeat a few answers. The grades are
 * grade()'s (a grade depends on the text only through the extracted answer and the rule that found
 * it); a problem must not change once graded.
 */
export function createGrader(extractor: ExtractorId, options: GradeOptions = {}): (text: string, problem: GradedProblem) => Grade {
	const known = new WeakMap<GradedProblem, Map<string, Grade>>();
	return (text, problem) => {
		const found = extractAnswer(text, extractor, problem);
		const key = found ? `${found.rule}\u0000${found.raw}` : '';
		let byAnswer = known.get(problem);
		if (!byAnswer) known.set(problem, (byAnswer = new Map()));
		let g = byAnswer.get(key);
		if (!g) byAnswer.set(key, (g = grade(text, problem, extractor, options)));
		return { ...g };
	};
}
