import type { AnswerType, ExtractorId } from '../types';
import { extractAnswerIs } from './extractAnswerIs';
import { extractBoxed } from './extractBoxed';
import { extractChoice } from './extractChoice';
import { extractFlexible } from './extractFlexible';
import { extractGsm8kStrict } from './extractGsm8kStrict';
import { numericValue } from './numericValue';

type Concrete = Exclude<ExtractorId, 'auto'>;

// 'auto' tries the most explicit format first, so a stray number late in the text never beats a
// declared answer; a \boxed{} is more explicit than prose ("our answer is correct").
const AUTO_ORDER: Record<AnswerType, Concrete[]> = {
	number: ['gsm8k-strict', 'boxed', 'answer-is', 'flexible'],
	latex: ['boxed', 'answer-is'],
	choice: ['choice']
};

function run(rule: Concrete, text: string, choices: readonly string[] | undefined): string | null {
	switch (rule) {
		case 'gsm8k-strict':
			return extractGsm8kStrict(text);
		case 'flexible':
			return extractFlexible(text);
		case 'answer-is':
			return extractAnswerIs(text);
		case 'boxed':
			return extractBoxed(text);
		case 'choice':
			return extractChoice(text, choices);
	}
}

/** The raw answer an extractor finds in an output, and which rule found it; null when none did. */
export function extractAnswer(
	text: string,
	extractor: ExtractorId,
	problem: { answerType: AnswerType; choices?: readonly string[] }
): { raw: string; rule: Concrete } | null {
	const rules = extractor === 'auto' ? AUTO_ORDER[problem.answerType] : [extractor];
	for (const rule of rules) {
		let raw = run(rule, text, problem.choices);
		// "The answer is 5 + 3 = 8" states a number inside a sentence: keep its last number.
		if (raw !== null && rule === 'answer-is' && problem.answerType === 'number' && numericValue(raw) === undefined) {
			raw = extractFlexible(raw) ?? raw;
		}
		if (raw !== null && raw.trim().length > 0) return { raw: raw.trim(), rule };
	}
	return null;
}
