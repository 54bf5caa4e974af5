import type { AnswerType } from '../types';
import { goldChoice } from './goldChoice';
import { latexEqual } from './latexEqual';
import { numbersEqual } from './numbersEqual';
import { numericValue } from './numericValue';

/** Whether an extracted answer equals the gold answer under the rules of its answer type. */
export function answersEqual(
	answer: string,
	gold: string,
	problem: { answerType: AnswerType; choices?: readonly string[] }
): boolean {
	if (problem.answerType === 'choice') {
		const a = goldChoice(answer, problem.choices);
		return a !== null && a === goldChoice(gold, problem.choices);
	}
	const x = numericValue(answer);
	const y = numericValue(gold);
	if (x !== undefined && y !== undefined) return numbersEqual(x, y);
	if (x !== undefined || y !== undefined) {
		// One side is a number and the other is not: only a symbolic form can still match (e.g. "2\pi").
		return problem.answerType === 'latex' && latexEqual(answer, gold);
	}
	if (problem.answerType === 'number') return answer.trim().toLowerCase() === gold.trim().toLowerCase();
	return latexEqual(answer, gold);
}
