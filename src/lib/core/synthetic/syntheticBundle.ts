// A seeded synthetic study with a built-in self-improvement reversal, for the benchmark, the UI's
// fixtures and the tests. Every sample is a pure function of (options, model, problem, index), so
// any subset can be regenerated alone and the same seed always gives the same bundle.
//
// The generative story, per problem x with a latent logit z(x) (easy levels high, OOD lower):
// model t (0 = first, 1 = last) has logit z(x) * (1 + sharpen * t) + shift(split) * t. Sharpening
// pushes confident problems up and doubtful ones towards zero, so greedy pass@1 rises (in-domain
// shift > 0) while pass@n, OOD accuracy and the hardest level fall; phrasing, equation order and
// wrong answers concentrate on fewer variants as t grows, so every diversity measure falls.

import { hashString, mulberry32, sampleSeed, type Random } from '../random';
import type { Bundle, ModelRef, Problem, Sample, Split } from '../types';

export interface SyntheticOptions {
	models?: number;
	problems?: number;
	/** Sampled outputs per (model, problem). */
	n?: number;
	/** Also produce one greedy output (index -1) per (model, problem). */
	greedy?: boolean;
	/** Approximate words per sample. */
	words?: number;
	seed?: number;
	/** Share of OOD problems, default 0.3. */
	oodShare?: number;
	/** Strength of the built-in reversal: 0 = all models equal, default 1. */
	reversal?: number;
}

const NAMES = ['Natalia', 'Weng', 'Betty', 'Julie', 'James', 'Mark', 'Albert', 'Ken', 'Alexis', 'Tina', 'Randy', 'Joy'];
const ITEMS = ['clips', 'apples', 'stickers', 'marbles', 'pages', 'cookies', 'coins', 'pencils', 'cards', 'eggs'];

type Op = '+' | '-' | '*' | '/';
interface Step {
	op: Op;
	b: number;
	before: number;
	after: number;
}

const QUESTION_PHRASES: Record<Op, string> = {
	'+': 'then gets {b} more',
	'-': 'then gives away {b}',
	'*': 'then ends up with {b} times as many',
	'/': 'then shares them equally among {b} friends and keeps one share'
};

const OPENERS = [
	"Let's think step by step.",
	'We work through the problem one step at a time.',
	'First, we write down what we know.',
	'To solve this, we follow the changes in order.',
	'We track the number after each change.',
	'Start from the initial amount and apply each change.',
	'We can compute this carefully, step by step.',
	'Here is a careful solution.'
];
const STEP_PHRASES = [
	'After that there are {a}{op}{b} = <<{a}{op}{b}={c}>>{c} {item}.',
	'So the new total is {a} {opw} {b} = <<{a}{op}{b}={c}>>{c}.',
	'This gives <<{a}{op}{b}={c}>>{c} {item}.',
	'Now {name} has {a}{op}{b}=<<{a}{op}{b}={c}>>{c} {item}.',
	'We compute {a} {opw} {b}, which is <<{a}{op}{b}={c}>>{c}.',
	'That makes <<{a}{op}{b}={c}>>{c} {item} in total at this point.'
];
const FILLERS = [
	'We keep track of every change so that nothing is counted twice.',
	'It helps to check each intermediate result before moving on.',
	'The question asks for the final amount, not the change.',
	'Remember that the order of the steps matters here.',
	'We should double check the arithmetic at each stage.',
	'The numbers are small enough to compute by hand.',
	'Each sentence of the problem describes one operation.',
	'Nothing else in the problem changes the amount.',
	'We can verify the result by reading the question again.',
	'It is easy to make a mistake by skipping a step, so we do not.',
	'A quick estimate tells us the answer should be reasonable.',
	'The units stay the same throughout the problem.',
	'Writing every step down makes the reasoning easy to follow.',
	'Careful reading shows exactly which quantity is asked for.',
	'The result of each step feeds into the next one.',
	'There are no hidden conditions in this question.'
];
const FILLER_WORDS = FILLERS.map(wordCount);
const OP_WORDS: Record<Op, string> = { '+': 'plus', '-': 'minus', '*': 'times', '/': 'divided by' };

/** Index into a list of variants, concentrated on the first ones as focus grows. */
function pick(random: Random, count: number, focus: number): number {
	return Math.min(count - 1, Math.floor(count * Math.pow(random(), 1 + focus)));
}

function wordCount(text: string): number {
	let count = 1;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
	return count;
}

function apply(op: Op, a: number, b: number): number {
	return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
}

function makeSteps(random: Random, count: number): { start: number; steps: Step[] } {
	const start = 10 + Math.floor(random() * 90);
	let value = start;
	const steps: Step[] = [];
	for (let i = 0; i < count; i++) {
		let op: Op = (['+', '-', '*', '/'] as const)[Math.floor(random() * 4)] ?? '+';
		let b = 2 + Math.floor(random() * 8);
		if (op === '-' && b >= value) op = '+';
		if (op === '/') {
			const divisors = [2, 3, 4, 5].filter((d) => value % d === 0);
			if (divisors.length === 0) op = '+';
			else b = divisors[Math.floor(random() * divisors.length)] ?? 2;
		}
		if (op === '*' && value > 500) op = '-';
		if (op === '-' && b >= value) op = '+';
		const after = apply(op, value, b);
		steps.push({ op, b, before: value, after });
		value = after;
	}
	return { start, steps };
}

function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
}

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

interface ProblemPlan {
	problem: Problem;
	name: string;
	item: string;
	start: number;
	steps: Step[];
	/** Latent logit of the first model on this problem. */
	z: number;
	/** A per-problem uniform: greedy outputs of all models share it, so their differences are systematic. */
	u: number;
}

function planProblem(seed: number, i: number, oodShare: number): ProblemPlan {
	const id = `syn-${i + 1}`;
	const random = mulberry32(hashString(id, seed));
	const split: Split = random() < oodShare ? 'ood' : 'in-domain';
	const level = 1 + Math.floor(random() * 5);
	// OOD problems have more steps (an "unseen", longer variant of the same task).
	const { start, steps } = makeSteps(random, level + (split === 'ood' ? 2 : 1));
	const name = NAMES[Math.floor(random() * NAMES.length)] ?? 'Sam';
	const item = ITEMS[Math.floor(random() * ITEMS.length)] ?? 'items';
	const clauses = steps.map((s) => fill(QUESTION_PHRASES[s.op], { b: s.b }));
	const question = `${name} has ${start} ${item}. ${name} ${clauses.join(', and ')}. How many ${item} does ${name} have now?`;
	const answer = String(steps[steps.length - 1]?.after ?? start);
	// Box-Muller normal noise: problems of one level still differ in difficulty.
	const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const z = 2.2 - 1.1 * (level - 1) + 1.1 * noise - (split === 'ood' ? 0.6 : 0);
	const problem: Problem = { id, question, answer, answerType: 'number', split, level, subject: 'arithmetic' };
	return { problem, name, item, start, steps, z, u: random() };
}

interface ModelStyle {
	/** 0 = first model, 1 = last. */
	t: number;
	focus: number;
}

function writeSolution(plan: ProblemPlan, style: ModelStyle, random: Random, correct: boolean, words: number): { text: string; answer: string } {
	const { name, item, steps } = plan;
	const parts: string[] = [OPENERS[pick(random, OPENERS.length, style.focus)] ?? ''];
	parts.push(`${name} starts with ${plan.start} ${item}.`);
	// A wrong solution slips at one step; later models make the same few slips (answers collapse).
	const slipAt = correct ? -1 : pick(random, steps.length, style.focus * 2);
	const slipBy = 1 + pick(random, 6, style.focus * 2);
	let value = plan.start;
	for (let i = 0; i < steps.length; i++) {
		const s = steps[i];
		if (!s) continue;
		let c = apply(s.op, value, s.b);
		if (i === slipAt) c = c + (random() < 0.5 ? slipBy : -slipBy) * (s.op === '*' ? s.b : 1);
		if (!Number.isInteger(c)) c = Math.round(c);
		// Early models sometimes write the commuted form, a distinct equation with the same value.
		const commute = (s.op === '+' || s.op === '*') && random() < 0.35 / (1 + 4 * style.focus);
		const [a, b] = commute ? [s.b, value] : [value, s.b];
		const phrase = STEP_PHRASES[pick(random, STEP_PHRASES.length, style.focus)] ?? '';
		parts.push(fill(phrase, { a, b, c, op: s.op, opw: OP_WORDS[s.op], item, name }));
		value = c;
	}
	let count = 0;
	for (const p of parts) count += wordCount(p);
	while (count < words - 12) {
		const f = pick(random, FILLERS.length, style.focus * 3);
		parts.splice(1 + Math.floor(random() * (parts.length - 1)), 0, FILLERS[f] ?? '');
		count += FILLER_WORDS[f] ?? 0;
	}
	parts.push(`The answer is ${value}.\n#### ${value}`);
	return { text: parts.join(' '), answer: String(value) };
}

/** A valid Bundle of models M1..Mk whose later models show a self-improvement reversal. */
export function syntheticBundle(options: SyntheticOptions = {}): Bundle {
	const { models = 5, problems = 500, n = 64, greedy = true, words = 120, seed = 1, oodShare = 0.3, reversal = 1 } = options;
	const plans = Array.from({ length: problems }, (_, i) => planProblem(seed, i, oodShare));
	const modelRefs: ModelRef[] = Array.from({ length: models }, (_, m) => ({
		id: `M${m + 1}`,
		label: `Iteration ${m + 1}`,
		engine: 'import',
		source: 'synthetic',
		order: m
	}));
	const samples: Sample[] = [];
	for (const model of modelRefs) {
		const t = models > 1 ? (model.order / (models - 1)) * reversal : 0;
		const style: ModelStyle = { t, focus: 3 * t };
		for (const plan of plans) {
			// In-domain training helps the easy levels most and the hardest not at all; OOD loses.
			const level = plan.problem.level ?? 3;
			const shift = plan.problem.split === 'ood' ? -0.8 : 6 - 1.6 * (level - 1);
			const logit = plan.z * (1 + 1.5 * t) + shift * t;
			const p = sigmoid(logit);
			for (let index = greedy ? -1 : 0; index < n; index++) {
				const sSeed = sampleSeed(seed, model.id, plan.problem.id, index);
				const random = mulberry32(sSeed);
				// Greedy decoding returns the mode: correct when the model leans to the right answer.
				const correct = index < 0 ? sigmoid(4 * logit) > plan.u : random() < p;
				const sol = writeSolution(plan, index < 0 ? { t, focus: 8 } : style, random, correct, words);
				const tokens = Math.round(sol.text.length / 4);
				samples.push({
					model: model.id,
					problem: plan.problem.id,
					index,
					seed: sSeed,
					text: sol.text,
					answer: sol.answer,
					correct: sol.answer === plan.problem.answer,
					tokens,
					ms: tokens * 20
				});
			}
		}
	}
	return {
		format: 'reversal-lab/bundle',
		version: 1,
		study: {
			id: `synthetic-${seed}`,
			name: `Synthetic reversal (${models} models x ${problems} problems x ${n} samples)`,
			seed,
			sampling: { n, greedy, temperature: 0.8, topP: 0.95, maxTokens: 512 },
			prompt: { style: 'zero-shot-cot', form: 'completion', text: "Question: {question}\nAnswer: Let's think step by step." },
			extractor: 'gsm8k-strict',
			problemSet: { source: 'builtin', id: 'synthetic', seed, count: problems },
			reference: 'M1'
		},
		problems: plans.map((p) => p.problem),
		models: modelRefs,
		samples,
		environment: { app: 'reversal-lab', engine: 'synthetic', browser: 'none' },
		createdAt: '2025-01-01T00:00:00.000Z'
	};
}
