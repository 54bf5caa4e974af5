// Multi-step word problems from the scenario grammar in wordTemplates.ts.
// Level L has L steps in-domain; its OOD variant has L + 1 steps, numbers above every in-domain
// range of the same role, and only OOD scenarios and phrasings.
import type { Split } from '../types';
import { randomInt, type Random } from '../random';
import { annotation, buildChain, pick, type ChainStep, type Op, type Range } from './chain';
import { solutionOf, type GeneratedItem } from './arithmetic';
import { NAMES, SCENARIOS, type Phrase, type PhraseSet, type Scenario } from './wordTemplates';

export interface WordNumbers {
	start: Range;
	addend: Range;
	factor: Range;
	cap: number;
}

export const WORD_NUMBERS: Readonly<Record<Split, WordNumbers>> = {
	'in-domain': { start: { min: 5, max: 60 }, addend: { min: 2, max: 30 }, factor: { min: 2, max: 5 }, cap: 2_000 },
	ood: { start: { min: 61, max: 600 }, addend: { min: 31, max: 300 }, factor: { min: 6, max: 12 }, cap: 200_000 }
};

export const WORD_LEVELS = [1, 2, 3, 4, 5] as const;

export function wordSteps(split: Split, level: number): number {
	return split === 'ood' ? level + 1 : level;
}

function scenariosFor(split: Split): Scenario[] {
	return SCENARIOS.filter((s) => s.use === 'both' || s.use === split);
}

function choose(random: Random, set: PhraseSet, split: Split, key: string, used: string[]): Phrase {
	const list = set[split];
	const phrase = pick(random, list);
	used.push(`${key}.${split}.${list.indexOf(phrase)}`);
	return phrase;
}

function shuffledNames(random: Random): string[] {
	const names = [...NAMES];
	for (let i = names.length - 1; i > 0; i--) {
		const j = randomInt(random, 0, i);
		[names[i], names[j]] = [names[j] as string, names[i] as string];
	}
	return names;
}

export function generateWordProblem(random: Random, split: Split, level: number): GeneratedItem {
	if (!Number.isInteger(level) || level < 1 || level > 5) throw new RangeError(`Word-problem level ${level} does not exist; use 1 to 5.`);
	const scenario = pick(random, scenariosFor(split));
	const numbers = WORD_NUMBERS[split];
	const ops = Object.keys(scenario.steps) as Op[];
	// Ages stay believable: nobody older than 99 in-domain.
	const cap = scenario.chainOfPeople ? Math.min(numbers.cap, 99) : numbers.cap;
	const start = randomInt(random, numbers.start.min, numbers.start.max);
	const chain: ChainStep[] = buildChain(random, start, wordSteps(split, level), { ops, addend: numbers.addend, factor: numbers.factor, cap });
	const names = shuffledNames(random);
	const person = (i: number) => (scenario.chainOfPeople ? (names[i] as string) : (names[0] as string));
	const templates: string[] = [];
	const sentences = [choose(random, scenario.start, split, `${scenario.id}.start`, templates)({ name: person(0), prev: '', n: start })];
	const lines: string[] = [];
	chain.forEach((step, i) => {
		const set = scenario.steps[step.op] as PhraseSet;
		const slots = { name: person(i + 1), prev: person(i), n: step.right };
		sentences.push(choose(random, set, split, `${scenario.id}.${step.op}`, templates)(slots));
		lines.push(scenario.state(slots, annotation(step), split));
	});
	const last = chain[chain.length - 1] as ChainStep;
	sentences.push(choose(random, scenario.question, split, `${scenario.id}.question`, templates)({ name: person(chain.length), prev: '', n: 0 }));
	return {
		question: sentences.join(' '),
		answer: last.result,
		solution: solutionOf(lines, last.result),
		operands: [{ value: start, role: 'start' }, ...chain.map((s) => ({ value: s.right, role: s.role }))],
		templates,
		subject: scenario.id
	};
}
