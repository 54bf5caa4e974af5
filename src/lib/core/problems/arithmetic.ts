// The arithmetic ladder: levels 1-5 by number size, operations and number of steps.
// The OOD variant of a level takes one more step, draws every operand from above the in-domain
// range of the same role, and is asked in phrasings the in-domain family never uses.
import type { Split } from '../types';
import { randomInt, type Random } from '../random';
import { annotation, buildChain, pick, type ChainStep, type Op, type Range, type StepRules } from './chain';

export interface ArithmeticLevel extends StepRules {
	steps: number;
	/** Range of the first number. */
	start: Range;
}

const IN_DOMAIN: readonly ArithmeticLevel[] = [
	{ steps: 1, ops: ['+', '-'], start: { min: 1, max: 9 }, addend: { min: 1, max: 9 }, cap: 0 },
	{ steps: 1, ops: ['+', '-', '*'], start: { min: 10, max: 99 }, addend: { min: 10, max: 99 }, factor: { min: 2, max: 9 }, cap: 1_000 },
	{ steps: 2, ops: ['+', '-', '*'], start: { min: 10, max: 99 }, addend: { min: 10, max: 99 }, factor: { min: 2, max: 9 }, cap: 1_000 },
	{ steps: 3, ops: ['+', '-', '*', '/'], start: { min: 100, max: 999 }, addend: { min: 100, max: 999 }, factor: { min: 2, max: 12 }, cap: 12_000 },
	{ steps: 4, ops: ['+', '-', '*', '/'], start: { min: 100, max: 999 }, addend: { min: 100, max: 999 }, factor: { min: 2, max: 12 }, cap: 12_000 }
];

function above(r: Range, width: number): Range {
	return { min: r.max + 1, max: (r.max + 1) * width - 1 };
}

/** OOD level: one more step; numbers from just above the in-domain maximum of the same role. */
function oodOf(level: ArithmeticLevel): ArithmeticLevel {
	return {
		steps: level.steps + 1,
		ops: level.ops,
		start: above(level.start, 10),
		addend: above(level.addend, 10),
		factor: level.factor ? above(level.factor, 2) : undefined,
		cap: level.cap * 100
	};
}

export const ARITHMETIC_LEVELS: Readonly<Record<Split, readonly ArithmeticLevel[]>> = {
	'in-domain': IN_DOMAIN,
	ood: IN_DOMAIN.map(oodOf)
};

const PHRASINGS: Readonly<Record<Split, readonly string[]>> = {
	'in-domain': ['What is {expr}?', 'Compute {expr}.', 'Calculate {expr}.'],
	ood: ['Evaluate the expression {expr} and give the result.', 'Find the value of {expr}.', 'Work out {expr}; what number do you get?']
};

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** The chain as an expression read left to right, with brackets only where precedence needs them. */
export function chainExpression(start: number, chain: readonly ChainStep[]): string {
	let text = String(start);
	let prec = 3;
	for (const step of chain) {
		const p = PRECEDENCE[step.op];
		if (p > prec) text = `(${text})`;
		text = `${text} ${step.op} ${step.right}`;
		prec = p;
	}
	return text;
}

export interface GeneratedItem {
	question: string;
	answer: number;
	solution: string;
	/** Every number the question shows, with its role: what the OOD tests check. */
	operands: { value: number; role: 'start' | 'addend' | 'factor' }[];
	/** Which phrasing or template produced the text (disjoint between splits). */
	templates: string[];
	subject: string;
}

export function solutionOf(lines: readonly string[], answer: number): string {
	return `${lines.join('\n')}\n#### ${answer}`;
}

export function generateArithmetic(random: Random, split: Split, level: number): GeneratedItem {
	const rules = ARITHMETIC_LEVELS[split][level - 1];
	if (!rules) throw new RangeError(`Arithmetic level ${level} does not exist; use 1 to 5.`);
	const start = randomInt(random, rules.start.min, rules.start.max);
	const chain = buildChain(random, start, rules.steps, rules);
	const phrasings = PHRASINGS[split];
	const phrasing = pick(random, phrasings);
	const answer = chain.length ? (chain[chain.length - 1] as ChainStep).result : start;
	return {
		question: phrasing.replace('{expr}', chainExpression(start, chain)),
		answer,
		solution: solutionOf(chain.map(annotation), answer),
		operands: [{ value: start, role: 'start' }, ...chain.map((s) => ({ value: s.right, role: s.role }))],
		templates: [`arith.${split}.${phrasings.indexOf(phrasing)}`],
		subject: 'arithmetic'
	};
}
