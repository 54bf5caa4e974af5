import { describe, expect, it } from 'vitest';
import {
	extractBoxed,
	grade,
	latexEqual,
	normalizeLatex,
	numbersEqual,
	parseNumber
} from '../../../src/lib/core/grading';
import type { AnswerType, ExtractorId } from '../../../src/lib/core/types';
import cases from './cases.json';

interface Case {
	note: string;
	text: string;
	gold: string;
	type: AnswerType;
	choices?: string[];
	extractor: ExtractorId;
	/** Opt-in relative tolerance (GradeOptions.tolerance). */
	tolerance?: number;
	answer: string | null;
	correct: boolean;
}

describe('grade(text, problem, extractor)', () => {
	for (const c of cases as Case[]) {
		it(`${c.note}: ${JSON.stringify(c.text).slice(0, 60)} vs ${c.gold}`, () => {
			const g = grade(c.text, { answer: c.gold, answerType: c.type, choices: c.choices }, c.extractor, c.tolerance === undefined ? {} : { tolerance: c.tolerance });
			expect(g.answer).toBe(c.answer);
			expect(g.correct).toBe(c.correct);
			expect(g.explanation).toBeTypeOf('string');
		});
	}
});

describe('parseNumber(text)', () => {
	it('parseNumber reads currency, separators, percent, fractions and units', () => {
		expect(parseNumber('$1,200.50')).toBe(1200.5);
		expect(parseNumber('-3')).toBe(-3);
		expect(parseNumber('3/4')).toBe(0.75);
		expect(parseNumber('42.')).toBe(42);
		expect(parseNumber('50%')).toBe(50);
		expect(parseNumber('7 km')).toBe(7);
		expect(parseNumber('\u22125')).toBe(-5);
	});
	it('parseNumber returns undefined for text that is not one number', () => {
		for (const s of ['', 'abc', '3 or 4', '1/0', '5 - 3', 'NaN', 'Infinity', '1e999']) {
			expect(parseNumber(s), s).toBeUndefined();
		}
	});
});

describe('numbersEqual(a, b)', () => {
	it('numbersEqual allows only floating-point noise by default, and rejects non-finite values', () => {
		expect(numbersEqual(1e9, 1e9 + 1)).toBe(false);
		expect(numbersEqual(1e9, 1e9 + 1, 1e-6)).toBe(true);
		expect(numbersEqual(2 * Math.sqrt(2), Math.sqrt(8))).toBe(true);
		expect(numbersEqual(100, 101)).toBe(false);
		expect(numbersEqual(NaN, NaN)).toBe(false);
		expect(numbersEqual(Infinity, Infinity)).toBe(false);
		expect(numbersEqual(0, 0)).toBe(true);
	});
});

describe('extractBoxed(text)', () => {
	it('extractBoxed keeps nested groups whole', () => {
		expect(extractBoxed('\\boxed{\\frac{a^{2}}{b}}')).toBe('\\frac{a^{2}}{b}');
		expect(extractBoxed('\\boxed 5 and more')).toBe('5');
		expect(extractBoxed('none')).toBeNull();
	});
	it('extractBoxed on a long unbalanced input returns quickly with null', () => {
		const text = '\\boxed{' + '{'.repeat(200_000);
		expect(extractBoxed(text)).toBeNull();
	});
});

describe('normalizeLatex(text) and latexEqual(a, b)', () => {
	it('normalizeLatex applies the MATH rules', () => {
		expect(normalizeLatex('$\\dfrac{1}{2}$')).toBe('\\frac{1}{2}');
		expect(normalizeLatex('\\frac12')).toBe('\\frac{1}{2}');
		expect(normalizeLatex('\\left( 1, 2 \\right)')).toBe('(1,2)');
		expect(normalizeLatex('.5')).toBe('0.5');
	});
	it('latexEqual compares by value but never runs code', () => {
		expect(latexEqual('\\frac{6}{4}', '\\frac32')).toBe(true);
		expect(latexEqual('\\sqrt{2}', '1.4142135623730951')).toBe(true);
		// A rounded decimal is not the irrational number it approximates.
		expect(latexEqual('\\sqrt{2}', '1.41421356')).toBe(false);
		expect(latexEqual('constructor', 'prototype')).toBe(false);
		expect(latexEqual('__proto__', '1')).toBe(false);
	});
});
