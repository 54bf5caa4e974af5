// A tiny independent evaluator for the tests: integer + - * / with precedence and brackets
// (a shunting-yard pass), and a checker of GSM8K-style <<a op b=c>> annotations.

type Token = number | '+' | '-' | '*' | '/' | '(' | ')';

function tokens(expr: string): Token[] {
	const out: Token[] = [];
	const re = /\s*(\d+|[-+*/()])/y;
	let m: RegExpExecArray | null;
	let at = 0;
	while (at < expr.trim().length && (m = re.exec(expr))) {
		const t = m[1] as string;
		out.push(/\d/.test(t) ? Number(t) : (t as Token));
		at = re.lastIndex;
	}
	if (expr.slice(re.lastIndex).trim() !== '') throw new Error(`cannot read "${expr}"`);
	return out;
}

const PREC: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

export function evaluate(expr: string): number {
	const values: number[] = [];
	const ops: string[] = [];
	const reduce = () => {
		const b = values.pop() as number;
		const a = values.pop() as number;
		const op = ops.pop();
		values.push(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b);
	};
	for (const t of tokens(expr)) {
		if (typeof t === 'number') values.push(t);
		else if (t === '(') ops.push(t);
		else if (t === ')') {
			while (ops[ops.length - 1] !== '(') reduce();
			ops.pop();
		} else {
			while (ops.length && ops[ops.length - 1] !== '(' && (PREC[ops[ops.length - 1] as string] as number) >= (PREC[t] as number)) reduce();
			ops.push(t);
		}
	}
	while (ops.length) reduce();
	if (values.length !== 1) throw new Error(`bad expression "${expr}"`);
	return values[0] as number;
}

/** Checks every <<expr=result>> of a solution and returns the number after "####". */
export function checkSolution(solution: string): { final: number; results: number[]; operands: number[] } {
	const results: number[] = [];
	const operands: number[] = [];
	for (const m of solution.matchAll(/<<([^=]+)=([^>]+)>>(\d+)/g)) {
		const value = evaluate(m[1] as string);
		if (value !== Number(m[2]) || value !== Number(m[3])) throw new Error(`wrong annotation ${m[0]}`);
		results.push(value);
		for (const n of (m[1] as string).match(/\d+/g) ?? []) operands.push(Number(n));
	}
	const final = /\n#### (\d+)$/.exec(solution);
	if (!final) throw new Error(`no final "#### n" line in ${JSON.stringify(solution)}`);
	return { final: Number(final[1]), results, operands };
}
