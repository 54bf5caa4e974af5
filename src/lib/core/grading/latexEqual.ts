import { evaluateExpression } from './evaluateExpression';
import { latexToExpression } from './latexToExpression';
import { normalizeLatex } from './normalizeLatex';
import { numbersEqual } from './numbersEqual';

// Fixed probe points (no randomness, so a grade is the same on every run) away from 0, 1 and
// integers, where different expressions rarely agree by accident.
const PROBES = [0.5772156649, 1.4142135623, 2.7182818284, -0.9189385332];

function splitTopLevel(s: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (ch === '{' || ch === '(' || ch === '[') depth++;
		else if (ch === '}' || ch === ')' || ch === ']') depth--;
		else if (ch === ',' && depth === 0) {
			parts.push(s.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(s.slice(start));
	return parts;
}

function valueEqual(a: string, b: string): boolean {
	const ea = latexToExpression(a);
	const eb = latexToExpression(b);
	if (ea === undefined || eb === undefined) return false;
	const fa = evaluateExpression(ea);
	const fb = evaluateExpression(eb);
	if (!fa || !fb) return false;
	const vars = [...new Set([...fa.variables, ...fb.variables])];
	if (vars.length > 4) return false;
	for (let p = 0; p < PROBES.length; p++) {
		const scope: Record<string, number> = {};
		vars.forEach((v, i) => (scope[v] = PROBES[(p + i) % PROBES.length] as number));
		const x = fa.at(scope);
		const y = fb.at(scope);
		if (!numbersEqual(x, y)) return false;
		if (vars.length === 0) break;
	}
	return true;
}

// A set \{1,2\} is the unordered list 1,2.
function unbraceSet(s: string): string {
	return /^\\\{(.*)\\\}$/.exec(s)?.[1] ?? s;
}

/**
 * Two LaTeX answers are equal when their normalised forms are the same string, or, element by
 * element for tuples and intervals with the same brackets, when their values agree (variables
 * are probed at fixed points). Sets (\{1,2\}) and bare lists (1,2) are the same unordered multiset.
 */
export function latexEqual(a: string, b: string): boolean {
	const na = unbraceSet(normalizeLatex(a));
	const nb = unbraceSet(normalizeLatex(b));
	if (na === nb) return true;
	if (na.length === 0 || nb.length === 0) return false;
	const open = /^[([]/;
	const close = /[)\]]$/;
	const wa = open.test(na) && close.test(na) && splitTopLevel(na.slice(1, -1)).length > 1;
	const wb = open.test(nb) && close.test(nb) && splitTopLevel(nb.slice(1, -1)).length > 1;
	if (wa || wb) {
		if (!(wa && wb) || na[0] !== nb[0] || na[na.length - 1] !== nb[nb.length - 1]) return false;
		const pa = splitTopLevel(na.slice(1, -1));
		const pb = splitTopLevel(nb.slice(1, -1));
		return pa.length === pb.length && pa.every((x, i) => x === pb[i] || valueEqual(x, pb[i] as string));
	}
	const la = splitTopLevel(na);
	const lb = splitTopLevel(nb);
	if (la.length > 1 || lb.length > 1) {
		// Unordered lists of solutions ("2, -3" vs "-3,2"): the same multiset of values.
		if (la.length !== lb.length) return false;
		const used = new Set<number>();
		return la.every((x) => {
			const j = lb.findIndex((y, k) => !used.has(k) && (x === y || valueEqual(x, y)));
			if (j < 0) return false;
			used.add(j);
			return true;
		});
	}
	return valueEqual(na, nb);
}
