import type { AnswerType } from '../types';
import { parseNumber } from './parseNumber';

/**
 * The answer type a gold answer implies when the file does not say: a choice when there are
 * options, a number when it is one number ("1,450,000", "3/4"), else LaTeX, so that lists and sets
 * ("-2,1", "\{1,2\}") are compared as lists, never read as the number -21.
 */
export function inferAnswerType(gold: string, choices: readonly string[] | undefined): AnswerType {
	if (choices && choices.length > 0) return 'choice';
	return parseNumber(gold) !== undefined ? 'number' : 'latex';
}
