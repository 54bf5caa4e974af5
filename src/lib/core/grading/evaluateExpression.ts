import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';

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

function walk(node: MathNode, scope: Record<string, number>): number {
	switch (node.type) {
		case 'ConstantNode': {
			const v = (node as unknown as { value: unknown }).value;
			return typeof v === 'number' ? v : NaN;
		}
		case 'ParenthesisNode':
			return walk((node as unknown as { content: MathNode }).content, scope);
		case 'SymbolNode': {
			const name = (node as unknown as { name: string }).name;
			// Own keys only: a variable named "constructor" or "__proto__" must not reach Object.prototype.
			if (Object.hasOwn(CONSTANTS, name)) return CONSTANTS[name] as number;
			return Object.hasOwn(scope, name) ? (scope[name] as number) : NaN;
		}
		case 'FunctionNode': {
			const f = node as unknown as { fn: { name?: string }; args: MathNode[] };
			const fn = f.fn.name !== undefined && Object.hasOwn(FUNCTIONS, f.fn.name) ? FUNCTIONS[f.fn.name] : undefined;
			const arg = f.args[0];
			if (!fn || f.args.length !== 1 || !arg) return NaN;
			return fn(walk(arg, scope));
		}
		case 'OperatorNode': {
			const o = node as unknown as { op: string; args: MathNode[] };
			const [a, b] = o.args;
			if (!a) return NaN;
			const x = walk(a, scope);
			if (o.args.length === 1) {
				if (o.op === '-') return -x;
				if (o.op === '+') return x;
				if (o.op === '!') return factorial(x);
				return NaN;
			}
			if (!b || o.args.length !== 2) return NaN;
			const y = walk(b, scope);
			switch (o.op) {
				case '+':
					return x + y;
				case '-':
					return x - y;
				case '*':
					return x * y;
				case '/':
					return x / y;
				case '^':
					return Math.pow(x, y);
				default:
					return NaN;
			}
		}
		default:
			return NaN;
	}
}

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
	return { variables: [...vars].sort(), at: (scope) => walk(node, scope) };
}
