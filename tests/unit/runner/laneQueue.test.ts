import { describe, expect, it } from 'vitest';
import { LaneQueue, laneStages } from '../../../src/lib/runner/laneQueue';
import type { Task } from '../../../src/lib/runner/plan';

/** `problems` problems of `per` tasks for each model, in plan order. */
function tasks(models: string[], problems: number, per: number): Task[] {
	return models.flatMap((model) => Array.from({ length: problems * per }, (_, i) => ({ model, problem: `p${Math.floor(i / per)}`, index: (i % per) - 1, seed: i })));
}

describe('LaneQueue', () => {
	it('pick() hands out models in order, then joins the one with the most left once it has enough', () => {
		const q = new LaneQueue(['A', 'B', 'C'], tasks(['A', 'B', 'C'], 4, 3), 6);
		expect(q.pick()).toBe('A');
		expect(q.pick()).toBe('B');
		expect(q.running()).toEqual(['A', 'B']);
		// A's lane takes a problem at a time: its three tasks, consecutive.
		expect(q.take('A')?.map((t) => `${t.problem}/${t.index}`)).toEqual(['p0/-1', 'p0/0', 'p0/1']);
		while (q.take('A'));
		q.leave('A');
		expect(q.pick()).toBe('C');
		q.take('C');
		// Nothing new: B (12 left) is joined before C (9 left).
		expect(q.pick()).toBe('B');
		expect(q.running()).toEqual(['B', 'C']);
		q.take('B');
		q.take('B');
		// B has 6 left, C 9: C is joined.
		expect(q.pick()).toBe('C');
		q.take('C');
		q.take('C');
		// B 6 and C 3 left: joining B once more still pays (6 >= 6), C no more.
		expect(q.pick()).toBe('B');
		q.take('B');
		expect(q.pick()).toBeUndefined();
	});

	it('a model with nothing left is never picked; take() ends with undefined', () => {
		const q = new LaneQueue(['A', 'B'], tasks(['B'], 1, 2));
		expect(q.pick()).toBe('B');
		expect(q.take('B')).toHaveLength(2);
		expect(q.take('B')).toBeUndefined();
		expect(q.pick()).toBeUndefined();
	});

	it('a resumed problem keeps its remaining tasks together', () => {
		const q = new LaneQueue(['A'], tasks(['A'], 2, 3).slice(1));
		expect(q.pick()).toBe('A');
		expect(q.take('A')?.map((t) => t.index)).toEqual([0, 1]);
		expect(q.take('A')?.map((t) => t.problem)).toEqual(['p1', 'p1', 'p1']);
	});
});

describe('laneStages', () => {
	it('laneStages(models) groups consecutive models of one lanes figure; a server model runs alone', () => {
		const lanes: Record<string, number | undefined> = { a: 2, b: 2, s: undefined, c: 2, w: undefined, x: undefined };
		const concurrency: Record<string, number | undefined> = { s: 8 };
		const stages = laneStages(['a', 'b', 's', 'c', 'w', 'x'], (m) => lanes[m], (m) => concurrency[m]);
		expect(stages).toEqual([
			{ models: ['a', 'b'], lanes: 2 },
			{ models: ['s'], lanes: 1, concurrency: 8 },
			{ models: ['c'], lanes: 2 },
			{ models: ['w', 'x'], lanes: 1 }
		]);
	});
});
