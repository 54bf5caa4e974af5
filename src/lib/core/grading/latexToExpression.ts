import { findBraced } from './findBraced';

const GREEK = new Set(['pi', 'theta', 'alpha', 'beta', 'gamma', 'phi', 'omega', 'lambda', 'mu', 'sigma', 'tau']);
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'log', 'ln', 'exp', 'sec', 'csc', 'cot']);

/**
 * A normalised LaTeX answer rewritten as a plain expression that mathjs can parse (never evaluated
 * as code): \frac{a}{b} -> ((a)/(b)), \sqrt[n]{a} -> ((a)^(1/(n))), \cdot -> *, braces -> parentheses.
 * Undefined when the answer uses a construct we cannot value (sets, matrices, unknown commands).
 */
export function latexToExpression(latex: string): string | undefined {
	if (latex.length > 500) return undefined;
	let out = '';
	let i = 0;
	const s = latex;
	while (i < s.length) {
		const ch = s[i] as string;
		if (ch === '\\') {
			const m = /^\\([a-zA-Z]+)/.exec(s.slice(i));
			if (!m) return undefined;
			const name = m[1] as string;
			i += m[0].length;
			if (name === 'frac') {
				const a = findBraced(s, i);
				if (!a) return undefined;
				const b = findBraced(s, a.end);
				if (!b) return undefined;
				const ea = latexToExpression(a.content);
				const eb = latexToExpression(b.content);
				if (ea === undefined || eb === undefined) return undefined;
				out += `((${ea})/(${eb}))`;
				i = b.end;
			} else if (name === 'sqrt') {
				let index = '2';
				if (s[i] === '[') {
					const close = s.indexOf(']', i);
					if (close < 0) return undefined;
					const e = latexToExpression(s.slice(i + 1, close));
					if (e === undefined) return undefined;
					index = e;
					i = close + 1;
				}
				const a = findBraced(s, i);
				if (!a) return undefined;
				const ea = latexToExpression(a.content);
				if (ea === undefined) return undefined;
				out += `((${ea})^(1/(${index})))`;
				i = a.end;
			} else if (name === 'cdot' || name === 'times' || name === 'ast') out += '*';
			else if (name === 'div') out += '/';
			else if (GREEK.has(name)) out += ` ${name} `;
			else if (FUNCTIONS.has(name)) out += ` ${name === 'ln' ? 'log' : name}`;
			else return undefined;
		} else if (ch === '{') {
			out += '(';
			i++;
		} else if (ch === '}') {
			out += ')';
			i++;
		} else if (/[0-9a-zA-Z.+\-*/^() ]/.test(ch)) {
			out += ch;
			i++;
		} else return undefined;
	}
	return out;
}
