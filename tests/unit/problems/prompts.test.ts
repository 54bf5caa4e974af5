import { describe, expect, it } from 'vitest';
import { assemblePreset, generateProblems, makeTemplate, pickExemplars, presetById, renderPrompt } from '../../../src/lib/core/problems';
import type { Problem } from '../../../src/lib/core/types';

const problems = generateProblems({ seed: 3, count: 10 });
const p = problems[0] as Problem;
const mc: Problem = { id: 'c1', question: 'Where?', answer: 'B', answerType: 'choice', choices: ['sea', 'shelf'], split: 'in-domain' };

describe('prompts', () => {
	it('makeTemplate({extractor}) ends with the answer format that extractor parses', () => {
		expect(makeTemplate({ extractor: 'gsm8k-strict' }).text).toMatch(/"#### <answer>"/);
		expect(makeTemplate({ extractor: 'answer-is' }).text).toMatch(/The answer is <answer>/);
		expect(makeTemplate({ extractor: 'boxed' }).text).toMatch(/\\boxed\{\}/);
		expect(makeTemplate({ extractor: 'choice' }).text).toMatch(/The answer is \(X\)/);
	});

	it('renderPrompt(zero-shot completion) is one string ending in "Answer:"', () => {
		const s = renderPrompt(makeTemplate({ form: 'completion' }), p) as string;
		expect(typeof s).toBe('string');
		expect(s).toContain(`Question: ${p.question}\nAnswer:`);
		expect(s.endsWith('Answer:')).toBe(true);
	});

	it('renderPrompt(zero-shot chat) is one user message; choices are listed by letter', () => {
		const m = renderPrompt(makeTemplate({ form: 'chat', extractor: 'choice' }), mc);
		expect(m).toEqual([{ role: 'user', content: expect.stringContaining('Where?\n(A) sea\n(B) shelf') }]);
	});

	it('renderPrompt(few-shot) uses exemplar solutions rewritten to the answer format', () => {
		const pool = generateProblems({ seed: 99, count: 20 });
		const ex = pickExemplars(pool, problems, 3, 1);
		const chat = renderPrompt(makeTemplate({ style: 'few-shot-cot', form: 'chat', extractor: 'answer-is', shots: 3 }), p, ex) as { role: string; content: string }[];
		expect(chat.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user']);
		expect(chat[1]?.content).toMatch(new RegExp(`The answer is ${ex[0]?.answer}\\.$`));
		expect(chat[1]?.content).not.toContain('####');
		expect(chat[6]?.content).toBe(p.question);
		const text = renderPrompt(makeTemplate({ style: 'few-shot-cot', form: 'completion', extractor: 'gsm8k-strict', shots: 2 }), p, ex) as string;
		expect(text.match(/Question: /g)).toHaveLength(3);
		expect(text).toContain(`#### ${ex[0]?.answer}\n\nQuestion: `);
	});

	it('pickExemplars(pool, test, k, seed) never returns a test problem, and renderPrompt refuses one', () => {
		const pool = [...problems, ...generateProblems({ seed: 100, count: 10 })];
		for (let seed = 0; seed < 20; seed++) {
			const ex = pickExemplars(pool, problems, 5, seed);
			const test = new Set(problems.map((q) => q.id + q.question));
			for (const e of ex) expect(test.has(e.id + e.question)).toBe(false);
		}
		expect(() => pickExemplars(problems, problems, 1, 0)).toThrow(/disjoint/);
		expect(() => renderPrompt(makeTemplate({ style: 'few-shot-cot' }), p, [p])).toThrow(/disjoint/);
	});

	it('assemblePreset(offline) pool is usable for few-shot and disjoint from its problems', () => {
		const set = assemblePreset(presetById('offline')!, [], 40, 7);
		expect(set.problems).toHaveLength(40);
		expect(pickExemplars(set.pool, set.problems, 4, 7)).toHaveLength(4);
	});
});
