import { UNIT } from './unitPattern';

// A minus sign counts only where it cannot be a hyphen or an operator between two terms ("3-4").
// A number glued to letters ("2x", "5i") is not a number unless the letters are a unit ("5km").
const NUMBER_ANYWHERE = new RegExp(
	String.raw`(?<![\w.])(?:-|\u2212)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?(?![\d.]))?|\.\d+)(?![\d])(?!\.\d)(?!(?!${UNIT}(?![a-zA-Z]))[a-zA-Z_])`,
	'gi'
);

/** The last number written anywhere in the output (thousands separators and fractions kept whole). */
export function extractFlexible(text: string): string | null {
	let last: string | null = null;
	for (const m of text.matchAll(NUMBER_ANYWHERE)) last = m[0];
	return last;
}
