import type { AnswerType } from '../types';
import { formatNumber } from './formatNumber';
import { normalizeLatex } from './normalizeLatex';
import { numericValue } from './numericValue';

/**
 * The canonical text of an extracted answer, shown beside the sample and used for majority votes:
 * numbers by value ("$1,200.50" -> "1200.5"), LaTeX normalised, choices as their letter.
 */
export function normalizeAnswer(raw: string, answerType: AnswerType): string {
	if (answerType === 'choice') return raw.trim().toUpperCase();
	const value = numericValue(raw);
	if (value !== undefined) return formatNumber(value);
	return answerType === 'number' ? raw.trim().replace(/\.$/, '') : normalizeLatex(raw);
}
