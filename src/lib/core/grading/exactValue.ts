import { exactExpression } from './evaluateExpression';
import { latexToExpression } from './latexToExpression';
import { normalizeLatex } from './normalizeLatex';
import { numberText } from './numberText';
import { arithmetic, parseDecimal, type Rational } from './rational';

function fromText(text: string): Rational | undefined {
	const parts = numberText(text);
	if (!parts) return undefined;
	const num = parseDecimal(parts.num);
	const den = parts.den === undefined ? { n: 1n, d: 1n } : parseDecimal(parts.den);
	return num && den ? arithmetic.div(num, den) : undefined;
}

/**
 * The exact rational value of an answer that denotes one rational number: plain ("$1,200.50",
 * "3/4", "50%") or LaTeX built from numbers, \frac, + - * / and whole powers ("4\frac{2}{3}").
 * Undefined for anything else (roots, pi, variables), which is then compared by value.
 */
export function exactValue(text: string): Rational | undefined {
	const plain = fromText(text);
	if (plain) return plain;
	const latex = normalizeLatex(text);
	const fromLatex = fromText(latex);
	if (fromLatex) return fromLatex;
	const expr = latexToExpression(latex);
	return expr === undefined || !/\d/.test(expr) ? undefined : exactExpression(expr);
}
