import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/lib/core/types';
import { commonProblems } from '../../../src/lib/core/samples/commonProblems';

const problems = ['p1', 'p2', 'p3'].map((id) => ({ id }) as { id: string }) as Parameters<typeof commonProblems>[0]['problems'];
const s = (model: string, problem: string): Sample => ({ model, problem, index: -1, seed: 0, text: '', answer: null, correct: false, tokens: 1, ms: 1 });

describe('commonProblems', () => {
	it('commonProblems(bundle) keeps the problems every sampled model has, in study order', () => {
		const samples = [s('m1', 'p3'), s('m1', 'p1'), s('m1', 'p2'), s('m2', 'p3'), s('m2', 'p1')];
		expect(commonProblems({ problems, samples })).toEqual(['p1', 'p3']);
	});
	it('commonProblems(bundle) is undefined when the sampled models cover the same problems, or there are no samples', () => {
		expect(commonProblems({ problems, samples: [s('m1', 'p1'), s('m2', 'p1')] })).toBeUndefined();
		expect(commonProblems({ problems, samples: [] })).toBeUndefined();
	});
});
