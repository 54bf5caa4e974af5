import type { AnswerType } from '../types';
import { exactValue } from './exactValue';
import { goldChoice } from './goldChoice';
import { latexEqual } from './latexEqual';
import { FLOAT_NOISE, numbersEqual } from './numbersEqual';
import { numericValue } from './numericValue';
import { rationalsEqual, rationalToNumber } from './rational';
import type { GradeOptions } from './types';

/**
 * Whether an extracted answer equals the gold answer under the rules of its answer type. Rational
 * numbers are compared exactly (1450001 is not 1450000) unless `options.tolerance` asks otherwise;
 * irrational values (roots, pi) by value, to floating-point noise.
 */
export function answersEqual(
	answer: string,
	gold: string,
	problem: { answerType: AnswerType; choices?: readonly string[] },
	options: GradeOptions = {}
): boolean {
	const { tolerance = 0 } = options;
	if (problem.answerType === 'choice') {
		const a = goldChoice(answer, problem.choices);
		return a !== null && a === goldChoice(gold, problem.choices);
	}
	const ra = exactValue(answer);
	const rg = ra && exactValue(gold);
	if (ra && rg) return rationalsEqual(ra, rg) || (tolerance > 0 && numbersEqual(rationalToNumber(ra), rationalToNumber(rg), tolerance));
	const x = numericValue(answer);
	const y = numericValue(gold);
	if (x !== undefined && y !== undefined) return numbersEqual(x, y, Math.max(tolerance, FLOAT_NOISE));
	if (x !== undefined || y !== undefined) {
		// One side is a number and the other is not: only a symbolic form can still match (e.g. "2\pi").
		return problem.answerType === 'latex' && latexEqual(answer, gold);
	}
	if (problem.answerType === 'number') return answer.trim().toLowerCase() === gold.trim().toLowerCase();
	return latexEqual(answer, gold);
}
