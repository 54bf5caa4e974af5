// A computation chain: the running value and every step taken, shared by both generators.
// Each step becomes one GSM8K-style annotation `a*b=<<a*b=c>>c` in the gold solution.
import { randomInt, type Random } from '../random';

export type Op = '+' | '-' | '*' | '/';

export interface Range {
	min: number;
	max: number;
}

/** Addends (for + and -) and factors (for * and /) are drawn from separate ranges. */
export type OperandRole = 'addend' | 'factor';

export interface ChainStep {
	op: Op;
	left: number;
	right: number;
	result: number;
	role: OperandRole;
}

export function apply(op: Op, a: number, b: number): number {
	switch (op) {
		case '+':
			return a + b;
		case '-':
			return a - b;
		case '*':
			return a * b;
		case '/':
			return a / b;
	}
}

export function annotation(step: ChainStep): string {
	const expr = `${step.left}${step.op}${step.right}`;
	return `${expr}=<<${expr}=${step.result}>>${step.result}`;
}

export interface StepRules {
	ops: readonly Op[];
	addend: Range;
	factor?: Range;
	/** Multiplication is refused above this running value, so answers stay readable. */
	cap: number;
}

/**
 * One step from the running value `current`, or undefined when the drawn operation cannot apply
 * (subtraction would reach zero, no divisor in range, product above the cap).
 * Subtraction keeps results >= 1 and division is always exact, so answers stay positive integers.
 */
function tryStep(random: Random, current: number, op: Op, rules: StepRules, prev?: ChainStep): ChainStep | undefined {
	const step = drawStep(random, current, op, rules);
	// A step that undoes the one before (x * 7 / 7, x + 5 - 5) teaches nothing: redraw it.
	if (step && prev && INVERSE[prev.op] === step.op && prev.right === step.right) return undefined;
	return step;
}

const INVERSE: Record<Op, Op> = { '+': '-', '-': '+', '*': '/', '/': '*' };

function drawStep(random: Random, current: number, op: Op, rules: StepRules): ChainStep | undefined {
	const { addend, factor, cap } = rules;
	if (op === '+') {
		const right = randomInt(random, addend.min, addend.max);
		return { op, left: current, right, result: current + right, role: 'addend' };
	}
	if (op === '-') {
		const hi = Math.min(addend.max, current - 1);
		if (hi < addend.min) return undefined;
		const right = randomInt(random, addend.min, hi);
		return { op, left: current, right, result: current - right, role: 'addend' };
	}
	if (!factor) return undefined;
	if (op === '*') {
		const right = randomInt(random, factor.min, factor.max);
		if (current * right > cap) return undefined;
		return { op, left: current, right, result: current * right, role: 'factor' };
	}
	const divisors: number[] = [];
	for (let d = factor.min; d <= factor.max; d++) if (current % d === 0 && current / d >= 1) divisors.push(d);
	if (divisors.length === 0) return undefined;
	const right = divisors[randomInt(random, 0, divisors.length - 1)] as number;
	return { op, left: current, right, result: current / right, role: 'factor' };
}

/** A chain of `steps` steps from `start`; falls back to addition when nothing else applies. */
export function buildChain(random: Random, start: number, steps: number, rules: StepRules): ChainStep[] {
	const chain: ChainStep[] = [];
	let current = start;
	for (let i = 0; i < steps; i++) {
		let step: ChainStep | undefined;
		for (let attempt = 0; attempt < 12 && !step; attempt++) {
			const op = rules.ops[randomInt(random, 0, rules.ops.length - 1)] as Op;
			step = tryStep(random, current, op, rules, chain[i - 1]);
		}
		step ??= drawStep(random, current, '+', rules) as ChainStep;
		chain.push(step);
		current = step.result;
	}
	return chain;
}

export function pick<T>(random: Random, items: readonly T[]): T {
	return items[randomInt(random, 0, items.length - 1)] as T;
}
