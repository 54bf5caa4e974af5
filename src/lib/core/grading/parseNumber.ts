import { numberText } from './numberText';

/**
 * The value of a plain numeric answer, or undefined when the text is not one number.
 * Accepts thousands separators, currency signs, percent, a trailing period and known unit words.
 */
export function parseNumber(text: string): number | undefined {
	const parts = numberText(text);
	if (!parts) return undefined;
	const num = Number(parts.num);
	if (parts.den === undefined) return Number.isFinite(num) ? num : undefined;
	const den = Number(parts.den);
	if (den === 0) return undefined;
	const value = num / den;
	return Number.isFinite(value) ? value : undefined;
}
