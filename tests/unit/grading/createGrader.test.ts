import { describe, expect, it } from 'vitest';
import { createGrader, EXTRACTOR_IDS, grade } from '../../../src/lib/core/grading';
import type { AnswerType } from '../../../src/lib/core/types';
import cases from './cases.json';

interface Case {
	text: string;
	gold: string;
	type: AnswerType;
	choices?: string[];
}

describe('createGrader(extractor, options)', () => {
	it("createGrader's grades equal grade()'s for every case and extractor, when first seen and when remembered", () => {
		// One problem object per gold, shared by every case with that gold (as an import shares them).
		const problems = new Map<string, { answer: string; answerType: AnswerType; choices?: readonly string[] }>();
		for (const extractor of EXTRACTOR_IDS) {
			const graded = createGrader(extractor);
			for (let round = 0; round < 2; round++) {
				for (const c of cases as Case[]) {
					const key = `${c.gold}|${c.type}|${c.choices?.join(',') ?? ''}`;
					if (!problems.has(key)) problems.set(key, { answer: c.gold, answerType: c.type, ...(c.choices ? { choices: c.choices } : {}) });
					const problem = problems.get(key)!;
					expect(graded(c.text, problem)).toEqual(grade(c.text, problem, extractor));
				}
			}
		}
	});

	it('createGrader returns a fresh object each time (a caller may change its grade)', () => {
		const graded = createGrader('auto');
		const problem = { answer: '72', answerType: 'number' as const };
		const a = graded('so 72.\n#### 72', problem);
		a.correct = false;
		expect(graded('so 72.\n#### 72', problem).correct).toBe(true);
	});
});
