import { extractBoxed } from '../grading';

/** Where a gold answer was found inside a worked solution. */
export type GoldSource = 'gsm8k' | 'boxed';

/** How each source is named to the user ("gold taken from '#### ...' for 1,319 problems"). */
export const GOLD_SOURCE_LABEL: Readonly<Record<GoldSource, string>> = { gsm8k: "'#### ...'", boxed: 'the last \\boxed{}' };

// GSM8K's worked answers end with a line "#### 1,319"; the gold is what follows the last "####".
const GSM8K_END = /####[ \t]*([^\n]*?)\s*$/;

/**
 * The gold answer inside a worked solution, or undefined when the text is not one: GSM8K's
 * "#### x" ending (after the last ####, commas removed), else MATH's last balanced
 * \boxed{} / \fbox{}. The rest of the text is the solution.
 */
export function goldFromSolution(text: string): { gold: string; from: GoldSource } | undefined {
	const at = text.lastIndexOf('####');
	if (at >= 0) {
		const gold = GSM8K_END.exec(text.slice(at))?.[1]?.replace(/,/g, '').trim();
		return gold ? { gold, from: 'gsm8k' } : undefined;
	}
	const boxed = extractBoxed(text);
	return boxed ? { gold: boxed, from: 'boxed' } : undefined;
}
