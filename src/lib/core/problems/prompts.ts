// Prompt templates: zero-shot and few-shot chain of thought, chat and completion forms, each
// ending in the answer format its extractor expects. The template text is what the user sees.
import type { ChatMessage, ExtractorId, Problem, PromptForm, PromptStyle, PromptTemplate } from '../types';
import { mulberry32, randomInt } from '../random';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The closing instruction for each extractor: the prompt must ask for what will be parsed. */
export function answerInstruction(extractor: ExtractorId): string {
	switch (extractor) {
		case 'gsm8k-strict':
			return 'Think step by step, then write the final answer on its own line as "#### <answer>".';
		case 'boxed':
			return 'Think step by step, then put the final answer in \\boxed{}.';
		case 'choice':
			return 'Think step by step, then finish with "The answer is (X)", where X is the letter of the correct choice.';
		default:
			return 'Think step by step, then finish with "The answer is <answer>."';
	}
}

export interface TemplateOptions {
	style?: PromptStyle;
	form?: PromptForm;
	extractor?: ExtractorId;
	shots?: number;
}

export function makeTemplate(options: TemplateOptions = {}): PromptTemplate {
	const { style = 'zero-shot-cot', form = 'chat', extractor = 'gsm8k-strict', shots = 4 } = options;
	if (style === 'raw') return { style, form, text: form === 'chat' ? '{question}' : 'Question: {question}\nAnswer:' };
	const instruction = answerInstruction(extractor);
	const few = style === 'few-shot-cot';
	// Chat exemplars travel as earlier turns; completion exemplars sit in the text.
	const text = form === 'chat' ? `${instruction}\n\n{question}` : `${instruction}\n\n${few ? '{exemplars}' : ''}Question: {question}\nAnswer:`;
	return { style, form, text, ...(few ? { shots } : {}) };
}

/** The question as shown to the model: multiple-choice options listed under it, one per line. */
export function questionText(problem: Problem): string {
	if (!problem.choices?.length) return problem.question;
	return `${problem.question}\n${problem.choices.map((c, i) => `(${LETTERS[i]}) ${c}`).join('\n')}`;
}

/** An exemplar's worked answer rewritten to end in the template's answer format. */
export function exemplarAnswer(problem: Problem, template: PromptTemplate): string {
	const format = /####/.test(template.text) ? 'hash' : /\\boxed/.test(template.text) ? 'boxed' : /\(X\)/.test(template.text) ? 'choice' : 'is';
	const body = (problem.solution ?? '').replace(/\n?#### .*$/s, '').trim();
	const a = problem.answer;
	const tail =
		format === 'hash' ? `#### ${a}` : format === 'boxed' ? `The answer is \\boxed{${a}}.` : format === 'choice' ? `The answer is (${a}).` : `The answer is ${a}.`;
	// A MATH solution already ends in its \boxed{} answer.
	if (format === 'boxed' && /\\boxed/.test(body)) return body;
	return body ? `${body}\n${tail}` : tail;
}

function fill(text: string, slots: Record<string, string>): string {
	return text.replace(/\{(question|exemplars)\}/g, (_, k: string) => slots[k] ?? '');
}

/** The prompt for one problem: a string for completion models, messages for chat models. */
export function renderPrompt(template: PromptTemplate, problem: Problem, exemplars: readonly Problem[] = []): string | ChatMessage[] {
	if (exemplars.some((e) => e.id === problem.id || e.question === problem.question))
		throw new Error(`An exemplar is the test problem "${problem.id}" itself: exemplars must come from a pool disjoint from the test problems.`);
	const shots = template.style === 'few-shot-cot' ? exemplars.slice(0, template.shots ?? exemplars.length) : [];
	if (template.form === 'completion') {
		const block = shots.map((e) => `Question: ${questionText(e)}\nAnswer: ${exemplarAnswer(e, template)}\n\n`).join('');
		return fill(template.text, { question: questionText(problem), exemplars: block });
	}
	const messages: ChatMessage[] = [];
	shots.forEach((e, i) => {
		// The instruction is given once, with the first question.
		const content = i === 0 ? fill(template.text, { question: questionText(e) }) : questionText(e);
		messages.push({ role: 'user', content }, { role: 'assistant', content: exemplarAnswer(e, template) });
	});
	messages.push({ role: 'user', content: shots.length ? questionText(problem) : fill(template.text, { question: questionText(problem) }) });
	return messages;
}

/**
 * `shots` exemplars drawn (seeded) from the pool after removing every test problem (by id and by
 * question text), so no test problem can leak into its own prompt. Throws when too few remain.
 */
export function pickExemplars(pool: readonly Problem[], test: readonly Problem[], shots: number, seed: number): Problem[] {
	const ids = new Set(test.map((p) => p.id));
	const questions = new Set(test.map((p) => p.question));
	const free = pool.filter((p) => !ids.has(p.id) && !questions.has(p.question) && (p.solution || p.answerType === 'choice'));
	if (free.length < shots) throw new RangeError(`Only ${free.length} exemplars with solutions are disjoint from the test problems; ${shots} were asked for.`);
	const random = mulberry32(seed >>> 0);
	for (let i = free.length - 1; i > 0; i--) {
		const j = randomInt(random, 0, i);
		[free[i], free[j]] = [free[j] as Problem, free[i] as Problem];
	}
	return free.slice(0, shots);
}
