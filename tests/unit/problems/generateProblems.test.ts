import { describe, expect, it } from 'vitest';
import { ARITHMETIC_LEVELS, WORD_NUMBERS, generateItem, generateProblems, strataOf, wordSteps, type Stratum } from '../../../src/lib/core/problems';
import { hashString } from '../../../src/lib/core/random';
import { checkSolution, evaluate } from './evaluate';

const PRINTABLE = /^[\x20-\x7e\n]*$/;

describe('generateProblems', () => {
	it('generateProblems({seed: 7, count: 200}) has a fixed hash (same problems on every machine)', () => {
		const set = generateProblems({ seed: 7, count: 200 });
		expect(hashString(JSON.stringify(set)).toString(16)).toBe('5cb462fc');
	});

	it('generateProblems(same options) twice gives equal sets; another seed gives another set', () => {
		const a = generateProblems({ family: 'word', seed: 3, count: 50 });
		expect(generateProblems({ family: 'word', seed: 3, count: 50 })).toEqual(a);
		expect(generateProblems({ family: 'word', seed: 4, count: 50 })).not.toEqual(a);
	});

	it('a larger count keeps the smaller set as its prefix', () => {
		const small = generateProblems({ seed: 11, count: 30 });
		expect(generateProblems({ seed: 11, count: 90 }).slice(0, 30)).toEqual(small);
	});

	it('every answer equals an independent evaluation of the solution annotations', () => {
		for (const p of generateProblems({ seed: 1, count: 1000 })) {
			const { final, results } = checkSolution(p.solution);
			expect(String(final)).toBe(p.answer);
			expect(results[results.length - 1]).toBe(final);
			expect(Number.isInteger(final) && final >= 0).toBe(true);
			// Each step starts from the previous result: the chain is connected.
			expect(p.solution.split('\n').length).toBe(results.length + 1);
		}
	});

	it('arithmetic answers equal an independent evaluation of the question expression', () => {
		for (const p of generateProblems({ family: 'arithmetic', seed: 5, count: 500 })) {
			const expr = /((?:\(|\d)[\d\s+\-*/()]*\d\)?)/.exec(p.question)?.[1] as string;
			expect(evaluate(expr)).toBe(Number(p.answer));
		}
	});

	it('every number in a word problem question feeds its solution, and the reverse', () => {
		for (const p of generateProblems({ family: 'word', seed: 9, count: 500 })) {
			const { operands, results } = checkSolution(p.solution);
			const shown = (p.question.match(/\d+/g) ?? []).map(Number);
			const derived = new Set(results);
			for (const n of operands) expect(shown.includes(n) || derived.has(n)).toBe(true);
			for (const n of shown) expect(operands).toContain(n);
		}
	});

	it('problems are tagged with split, level and subject, dealt evenly across strata, ids unique', () => {
		const set = generateProblems({ seed: 2, count: 400 });
		const ids = new Set(set.map((p) => p.id));
		expect(ids.size).toBe(400);
		for (const split of ['in-domain', 'ood'] as const)
			for (const level of [1, 2, 3, 4, 5]) {
				const n = set.filter((p) => p.split === split && p.level === level).length;
				expect(n).toBe(40);
			}
		for (const p of set) {
			expect(p.answerType).toBe('number');
			expect(p.subject).toBeTruthy();
			expect(PRINTABLE.test(p.question) && PRINTABLE.test(p.solution)).toBe(true);
		}
		expect(generateProblems({ seed: 2, count: 40, split: 'ood', levels: [4] }).every((p) => p.split === 'ood' && p.level === 4)).toBe(true);
	});

	it('word problems take level steps in-domain and level + 1 steps OOD', () => {
		for (const p of generateProblems({ family: 'word', seed: 4, count: 200 })) {
			const steps = checkSolution(p.solution).results.length;
			expect(steps).toBe(wordSteps(p.split, p.level as number));
		}
	});

	it('OOD operands lie above every in-domain operand of the same role (level by level for arithmetic)', () => {
		for (let level = 1; level <= 5; level++)
			for (let i = 0; i < 200; i++) {
				const s: Stratum = { family: 'arithmetic', split: 'ood', level };
				const id = ARITHMETIC_LEVELS['in-domain'][level - 1]!;
				const item = generateItem(s, i * 7919 + level);
				for (const o of item.operands) {
					const max = o.role === 'start' ? id.start.max : o.role === 'addend' ? id.addend.max : (id.factor?.max ?? 0);
					expect(o.value).toBeGreaterThan(max);
				}
				const word = generateItem({ family: 'word', split: 'ood', level }, i * 104729 + level);
				for (const o of word.operands) expect(o.value).toBeGreaterThan(WORD_NUMBERS['in-domain'][o.role].max);
				const inWord = generateItem({ family: 'word', split: 'in-domain', level }, i * 31 + level);
				for (const o of inWord.operands) expect(o.value).toBeLessThanOrEqual(WORD_NUMBERS['in-domain'][o.role].max);
			}
	});

	it('OOD problems use only templates and phrasings that in-domain problems never use', () => {
		const used = { 'in-domain': new Set<string>(), ood: new Set<string>() };
		for (const stratum of strataOf({}))
			for (let i = 0; i < 300; i++) for (const t of generateItem(stratum, i).templates) used[stratum.split].add(t);
		for (const t of used.ood) expect(used['in-domain'].has(t)).toBe(false);
		expect(used.ood.size).toBeGreaterThan(10);
	});

	it('bad options are refused with the option named', () => {
		expect(() => generateProblems({ seed: 1, count: 5, levels: [6] })).toThrow(/levels/);
		expect(() => generateProblems({ seed: 1.5, count: 5 })).toThrow(/seed/);
		expect(() => generateProblems({ seed: 1, count: -1 })).toThrow(/count/);
	});
});
