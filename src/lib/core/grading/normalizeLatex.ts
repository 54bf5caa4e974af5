import { findBraced } from './findBraced';

// Unwrap \text{..}-like groups, keeping their content (units are dropped before this runs).
function unwrapCommand(s: string, names: readonly string[]): string {
	const re = new RegExp(`\\\\(?:${names.join('|')})\\s*\\{`, 'g');
	let out = s;
	for (let guard = 0; guard < 50; guard++) {
		re.lastIndex = 0;
		const m = re.exec(out);
		if (!m) break;
		const group = findBraced(out, m.index + m[0].length - 1);
		if (!group) break;
		out = out.slice(0, m.index) + group.content + out.slice(group.end);
	}
	return out;
}

// \frac12 -> \frac{1}{2}, \frac1{x} -> \frac{1}{x}, \sqrt2 -> \sqrt{2}: one-token arguments get braces.
function braceShorthand(s: string): string {
	return s
		.replace(/\\frac\s*(\d)\s*(\d)/g, '\\frac{$1}{$2}')
		.replace(/\\frac\s*(\d)\s*\{/g, '\\frac{$1}{')
		.replace(/\\frac\s*(\{[^{}]*\})\s*(\d)/g, '\\frac$1{$2}')
		.replace(/\\sqrt\s*(\d+|[a-zA-Z])(?![a-zA-Z])/g, '\\sqrt{$1}');
}

// A whole answer that is a mixed number, 4\frac{2}{3} or "4 2/3", is 14/3, not 4 x 2/3.
function mixedNumber(s: string): string {
	const m = /^([+-]?)(\d+)(?:\\frac\{(\d+)\}\{(\d+)\}|\s+(\d+)\s*\/\s*(\d+))$/.exec(s);
	if (!m) return s;
	const [whole, num, den] = [BigInt(m[2] as string), BigInt((m[3] ?? m[5]) as string), BigInt((m[4] ?? m[6]) as string)];
	if (den === 0n || num >= den) return s;
	return `${m[1] === '-' ? '-' : ''}\\frac{${whole * den + num}}{${den}}`;
}

/**
 * MATH-style answer normalisation before comparing as strings: math delimiters, sizing commands,
 * thin spaces, \text{}, dfrac/tfrac, trailing units (also \text{ cm}^2) and degree signs, spaces, a
 * trailing period, "x = 5" -> "5", shorthand arguments (\frac12) and mixed numbers (4\frac{2}{3} -> \frac{14}{3}).
 */
export function normalizeLatex(text: string): string {
	let s = text.trim();
	if (s.length > 2000) return s;
	s = s.replace(/^\$+|\$+$/g, '').replace(/^\\\(|\\\)$/g, '').replace(/^\\\[|\\\]$/g, '');
	s = s.replace(/\\left\b|\\right\b|\\big[lr]?\b|\\Big[lr]?\b/g, '');
	// "\\" (a row break) is kept whole, so its second backslash is never read as "\ " (a space).
	s = s.replace(/\\\\|\\[!,;: ]|\\q?quad|~/g, (m) => (m === '\\\\' ? m : ' '));
	s = s.replace(/\\displaystyle/g, '');
	s = s.replace(/\\[dt]frac/g, '\\frac');
	s = s.replace(/\^\s*\{?\s*\\circ\s*\}?/g, '').replace(/\\degree|°/g, '');
	s = s.replace(/\\%|%/g, '').replace(/\\\$/g, '');
	// A trailing unit written as \text{ cm}, \text{ cm}^2 or \mbox{ units} after a value.
	s = s.replace(/^(.*?\S)\s*\\(?:text|mbox|mathrm)\s*\{\s*[a-zA-Z][a-zA-Z .]*\}(?:\s*\^\s*\{?\s*[23]\s*\}?)?\s*$/, '$1');
	s = unwrapCommand(s, ['text', 'textbf', 'mathrm', 'mathbf', 'mbox', 'boxed']);
	s = s.replace(/\{,\}/g, '');
	// "4 2/3": the space is what makes it a mixed number, so it is read before spaces go.
	s = mixedNumber(s);
	s = s.replace(/\s+/g, '');
	s = s.replace(/\.+$/, '');
	s = braceShorthand(s);
	s = mixedNumber(s);
	// "x=5" and "k=-2": the value is on the right when the left is a single short name.
	const eq = /^[a-zA-Z](?:_\{?\w+\}?)?=(.+)$/.exec(s);
	if (eq?.[1] && !eq[1].includes('=')) s = eq[1];
	s = s.replace(/(^|[^\d])\.(\d)/g, '$10.$2');
	return s;
}
