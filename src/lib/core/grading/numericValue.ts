import { evaluateExpression } from './evaluateExpression';
import { latexToExpression } from './latexToExpression';
import { normalizeLatex } from './normalizeLatex';
import { parseNumber } from './parseNumber';

/**
 * The value of an answer that denotes one number: plain ("$1,200.50", "3/4", "50%") or LaTeX
 * without variables ("\dfrac{1}{2}", "2\sqrt{3}"). Undefined otherwise.
 */
export function numericValue(text: string): number | undefined {
	const plain = parseNumber(text);
	if (plain !== undefined) return plain;
	const latex = normalizeLatex(text);
	const fromLatex = parseNumber(latex);
	if (fromLatex !== undefined) return fromLatex;
	const expr = latexToExpression(latex);
	if (expr === undefined || !/\d/.test(expr)) return undefined;
	const f = evaluateExpression(expr);
	if (!f || f.variables.length > 0) return undefined;
	const v = f.at({});
	return Number.isFinite(v) ? v : undefined;
}
