import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	answersEqual,
	evaluateExpression,
	extractChoice,
	extractFlexible,
	formatNumber,
	grade,
	numbersEqual,
	parseNumber
} from '../../../src/lib/core/grading';
import type { ExtractorId } from '../../../src/lib/core/types';

const extractors: ExtractorId[] = ['auto', 'gsm8k-strict', 'flexible', 'answer-is', 'boxed', 'choice'];
const answerTypes = ['number', 'latex', 'choice'] as const;
// Text built from the pieces extractors look for, so the properties reach the interesting paths.
const pieces = fc.constantFrom('####', ' ', '\n', '$', '\\boxed{', '}', '{', '\\frac', '12', '-3', '3/4', ',', '.', 'The answer is', '(B)', 'A.', '\\sqrt', 'x', '^', '%');
const texty = fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')));

describe('grade(text, problem, extractor) on arbitrary text', () => {
	it('grade never throws, and an answer of null is never correct', () => {
		fc.assert(
			fc.property(texty, texty, fc.constantFrom(...answerTypes), fc.constantFrom(...extractors), (text, gold, answerType, extractor) => {
				const g = grade(text, { answer: gold, answerType, choices: answerType === 'choice' ? ['red', 'blue', 'green'] : undefined }, extractor);
				if (g.answer === null) expect(g.correct).toBe(false);
			}),
			{ numRuns: 1000 }
		);
	});

	it('grade finds a number written after #### whatever surrounds it', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.string({ maxLength: 40 }), (n, before) => {
				const g = grade(`${before.replace(/#/g, '')}\n#### ${n}`, { answer: String(n), answerType: 'number' }, 'gsm8k-strict');
				expect(g).toMatchObject({ answer: String(n), correct: true });
			})
		);
	});
});

describe('numbersEqual(a, b) and parseNumber(text)', () => {
	it('numbersEqual is symmetric and reflexive on finite numbers', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
				expect(numbersEqual(a, b)).toBe(numbersEqual(b, a));
				expect(numbersEqual(a, a)).toBe(true);
			})
		);
	});

	it('parseNumber reads back formatNumber, and thousands separators do not change the value', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
				expect(parseNumber(formatNumber(n))).toBe(n);
				expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
				expect(parseNumber(`$${n.toLocaleString('en-US')}.`)).toBe(n);
			})
		);
	});

	it('answersEqual on numbers: a fraction equals its terminating decimal exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40, 50, 64), (p, q) => {
				expect(answersEqual(`${p}/${q}`, String(p / q), { answerType: 'number' })).toBe(true);
				expect(answersEqual(`\\frac{${p}}{${q}}`, String(p / q), { answerType: 'latex' })).toBe(true);
			})
		);
	});

	it('answersEqual on numbers: a non-terminating fraction equals its rounded decimal only with a tolerance', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(3, 7, 9, 11, 13), (p, q) => {
				fc.pre(p % q !== 0);
				const decimal = (p / q).toFixed(9);
				expect(answersEqual(`${p}/${q}`, decimal, { answerType: 'number' })).toBe(false);
				expect(answersEqual(`${p}/${q}`, decimal, { answerType: 'number' }, { tolerance: 1e-6 })).toBe(true);
			})
		);
	});

	it('answersEqual on whole numbers: n never equals n + 1, however large', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
				expect(answersEqual(String(n + 1n), String(n), { answerType: 'number' })).toBe(false);
				expect(answersEqual(String(n), String(n), { answerType: 'number' })).toBe(true);
			})
		);
	});
});

describe('extractChoice(text, choices) and extractFlexible(text)', () => {
	it('extractChoice reads each explicit form of every allowed letter', () => {
		const choices = ['w', 'x', 'y', 'z'];
		for (const letter of ['A', 'B', 'C', 'D']) {
			for (const text of [`The answer is (${letter}).`, `Answer: ${letter}`, `so\n${letter}.`, `\\boxed{${letter}}`, `I pick (${letter}) here`]) {
				expect(extractChoice(text, choices), text).toBe(letter);
			}
		}
	});

	it('extractFlexible keeps the sign and the fraction of the last number', () => {
		expect(extractFlexible('a -5 b')).toBe('-5');
		expect(extractFlexible('ratio 3 / 4')).toBe('3 / 4');
		expect(extractFlexible('no digits')).toBeNull();
	});
});

describe('evaluateExpression(expr)', () => {
	it('evaluateExpression refuses everything outside arithmetic, never running code', () => {
		for (const expr of ['eval(1)', 'import("x")', 'constructor', 'f = 1', 'a.b', '[1,2]', 'x ? 1 : 2', 'cos', '"str"']) {
			const f = evaluateExpression(expr);
			const v = f?.at({ x: 1 });
			expect(v === undefined || Number.isNaN(v), expr).toBe(true);
		}
		expect(evaluateExpression('2^10 - sqrt(16) + 3!')?.at({})).toBe(1026);
	});
});
