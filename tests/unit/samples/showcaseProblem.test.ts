import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/lib/core/types';
import { distinctWays, showcaseProblem } from '../../../src/lib/core/samples/showcaseProblem';

const s = (model: string, problem: string, index: number, text: string, correct = true): Sample => ({ model, problem, index, seed: 0, text, answer: '1', correct, tokens: 1, ms: 1 });

describe('showcaseProblem', () => {
	it('distinctWays counts distinct correct sampled texts, whitespace collapsed, greedy left out', () => {
		expect(distinctWays([s('a', 'p', -1, 'x'), s('a', 'p', 0, 'y '), s('a', 'p', 1, ' y'), s('a', 'p', 2, 'z', false)])).toBe(1);
	});
	it('showcaseProblem(byProblem, from, to) picks the largest drop where the last model still solves it', () => {
		const byProblem = new Map([
			['p1', new Map([['m1', [s('m1', 'p1', 0, 'a'), s('m1', 'p1', 1, 'b')]], ['m5', [s('m5', 'p1', 0, 'a')]]])],
			['p2', new Map([['m1', [s('m1', 'p2', 0, 'a'), s('m1', 'p2', 1, 'b'), s('m1', 'p2', 2, 'c')]], ['m5', [s('m5', 'p2', 0, 'a'), s('m5', 'p2', 1, 'a')]]])],
			['p3', new Map([['m1', [s('m1', 'p3', 0, 'a'), s('m1', 'p3', 1, 'b'), s('m1', 'p3', 2, 'c'), s('m1', 'p3', 3, 'd')]], ['m5', [s('m5', 'p3', 0, 'a', false)]]])]
		]);
		expect(showcaseProblem(byProblem, 'm1', 'm5')).toEqual({ problem: 'p2', fromWays: 3, toWays: 1 });
		expect(showcaseProblem(byProblem, 'm5', 'm1')).toBeUndefined();
	});
});
