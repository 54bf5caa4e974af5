import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { arithmetic, parseDecimal, type Rational } from './rational';

// Only mathjs's parser is used (created on first use, so importing grading costs nothing until a
// LaTeX answer needs valuing); the tree is walked here, over a fixed set of operations. Nothing in
// answer text is ever run as code.
let parser: ((expr: string) => MathNode) | undefined;
function parse(expr: string): MathNode {
	parser ??= create({ parseDependencies: parseDependencies as FactoryFunctionMap }).parse as (expr: string) => MathNode;
	return parser(expr);
}

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };
const FUNCTIONS: Record<string, (x: number) => number> = {
	sqrt: Math.sqrt,
	sin: Math.sin,
	cos: Math.cos,
	tan: Math.tan,
	sec: (x) => 1 / Math.cos(x),
	csc: (x) => 1 / Math.sin(x),
	cot: (x) => 1 / Math.tan(x),
	log: Math.log,
	exp: Math.exp,
	abs: Math.abs
};

function factorial(n: number): number {
	if (!Number.isInteger(n) || n < 0 || n > 170) return NaN;
	let r = 1;
	for (let i = 2; i <= n; i++) r *= i;
	return r;
}

/** How a tree is valued: over floats (NaN = cannot) or exactly over rationals (undefined = cannot). */
interface Arithmetic<T> {
	constant(value: number): T;
	symbol(name: string): T;
	call(name: string, x: T): T;
	unary(op: string, x: T): T;
	binary(op: string, x: T, y: T): T;
	none: T;
}

function fold<T>(node: MathNode, a: Arithmetic<T>): T {
	switch (node.type) {
		case 'ConstantNode': {
			const v = (node as unknown as { value: unknown }).value;
			return typeof v === 'number' ? a.constant(v) : a.none;
		}
		case 'ParenthesisNode':
			return fold((node as unknown as { content: MathNode }).content, a);
		case 'SymbolNode':
			return a.symbol((node as unknown as { name: string }).name);
		case 'FunctionNode': {
			const f = node as unknown as { fn: { name?: string }; args: MathNode[] };
			const arg = f.args[0];
			if (f.fn.name === undefined || f.args.length !== 1 || !arg) return a.none;
			return a.call(f.fn.name, fold(arg, a));
		}
		case 'OperatorNode': {
			const o = node as unknown as { op: string; args: MathNode[] };
			const [x, y] = o.args;
			if (!x) return a.none;
			if (o.args.length === 1) return a.unary(o.op, fold(x, a));
			if (!y || o.args.length !== 2) return a.none;
			return a.binary(o.op, fold(x, a), fold(y, a));
		}
		default:
			return a.none;
	}
}

function floats(scope: Record<string, number>): Arithmetic<number> {
	return {
		constant: (v) => v,
		// Own keys only: a variable named "constructor" or "__proto__" must not reach Object.prototype.
		symbol: (name) => (Object.hasOwn(CONSTANTS, name) ? (CONSTANTS[name] as number) : Object.hasOwn(scope, name) ? (scope[name] as number) : NaN),
		call: (name, x) => (Object.hasOwn(FUNCTIONS, name) ? (FUNCTIONS[name] as (x: number) => number)(x) : NaN),
		unary: (op, x) => (op === '-' ? -x : op === '+' ? x : op === '!' ? factorial(x) : NaN),
		binary: (op, x, y) => (op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : op === '^' ? Math.pow(x, y) : NaN),
		none: NaN
	};
}

const BINARY: Record<string, keyof typeof arithmetic> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow' };

// Numbers, + - * / and whole powers only: pi, roots and variables are not rationals.
const rationals: Arithmetic<Rational | undefined> = {
	// A parsed constant is read back from its shortest decimal form, so 0.1 is exactly 1/10.
	constant: (v) => (Number.isFinite(v) ? parseDecimal(String(v)) : undefined),
	symbol: () => undefined,
	call: () => undefined,
	unary: (op, x) => (x && op === '-' ? { n: -x.n, d: x.d } : op === '+' ? x : undefined),
	binary: (op, x, y) => (x && y && Object.hasOwn(BINARY, op) ? arithmetic[BINARY[op] as keyof typeof arithmetic](x, y) : undefined),
	none: undefined
};

/** The free variables of an expression (constants pi and e excluded). */
function variables(node: MathNode, into: Set<string>): void {
	node.traverse((n, _path, parent) => {
		if (n.type !== 'SymbolNode') return;
		// A function's name is a SymbolNode child of its FunctionNode; it is not a variable.
		if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n) return;
		const name = (n as unknown as { name: string }).name;
		if (!Object.hasOwn(CONSTANTS, name)) into.add(name);
	});
}

/**
 * A plain expression (from latexToExpression) as a function of its variables, or undefined when it
 * does not parse or uses an operation outside the safe set.
 */
export function evaluateExpression(
	expr: string
): { variables: string[]; at: (scope: Record<string, number>) => number } | undefined {
	if (expr.length > 500) return undefined;
	let node: MathNode;
	try {
		node = parse(expr);
	} catch {
		return undefined;
	}
	const vars = new Set<string>();
	variables(node, vars);
	return { variables: [...vars].sort(), at: (scope) => fold(node, floats(scope)) };
}

/** The exact value of an expression of numbers, + - * / and whole powers; undefined otherwise. */
export function exactExpression(expr: string): Rational | undefined {
	if (expr.length > 500) return undefined;
	try {
		return fold(parse(expr), rationals);
	} catch {
		return undefined;
	}
}
