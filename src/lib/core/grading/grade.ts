import type { AnswerType, ExtractorId } from '../types';
import { answersEqual } from './answersEqual';
import { extractAnswer } from './extractAnswer';
import { normalizeAnswer } from './normalizeAnswer';
import type { Grade, GradeOptions } from './types';

/**
 * Grade one model output against a problem's gold answer with a named extractor. Pure and
 * deterministic: the same (text, problem, extractor, options) always gives the same grade.
 */
export function grade(
	text: string,
	problem: { answer: string; answerType: AnswerType; choices?: readonly string[] },
	extractor: ExtractorId,
	options: GradeOptions = {}
): Grade {
	const found = extractAnswer(text, extractor, problem);
	if (!found) {
		return { answer: null, correct: false, explanation: `no answer found by the '${extractor}' extractor` };
	}
	const answer = normalizeAnswer(found.raw, problem.answerType);
	const correct = answersEqual(found.raw, problem.answer, problem, options);
	const via = extractor === 'auto' ? `'auto' (${found.rule})` : `'${found.rule}'`;
	return {
		answer,
		correct,
		explanation: `${via} extracted "${found.raw}"; ${correct ? 'equals' : 'differs from'} gold "${problem.answer}" as ${problem.answerType}`
	};
}
