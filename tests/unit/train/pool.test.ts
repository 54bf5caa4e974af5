import { describe, expect, it } from 'vitest';
import { sampleSeed } from '../../../src/lib/core/random';
import { planTasks } from '../../../src/lib/runner/plan';
import { requestFor } from '../../../src/lib/runner/requestFor';
import { promptOf } from '../../../src/lib/train/data';
import { poolJobs, poolStudyConfig } from '../../../src/lib/train/pool';

const problems = [
	{ id: 'p-a', question: 'Ann has 3 apples and buys 4 more. How many apples does she have?', answer: '7' },
	{ id: 'p-b', question: 'What is 12 - 5?', answer: '7' }
];
const sampling = { n: 3, temperature: 0.8, maxTokens: 200, seed: 3 };

describe('poolJobs', () => {
	it("poolJobs sends what the page's runner sends for the pool study: seeds of (pool seed, model, problem, index), prompt cache from the second sample, the stop string", () => {
		const jobs = poolJobs(problems, sampling, { round: 2, model: 'tiny-m1' });
		const study = poolStudyConfig('live-loop-pool', 'any name', sampling, { seed: 5005, count: 2 }, 'tiny-m1');
		const tasks = planTasks(study.seed, [{ id: 'tiny-m1', order: 0 }], problems, study.sampling);
		expect(jobs).toHaveLength(6);
		jobs.forEach((j, i) => {
			const t = tasks[i]!;
			const req = requestFor(t, study, promptOf(problems.find((p) => p.id === t.problem)!.question));
			expect(j).toEqual({ problem: t.problem, index: t.index, prompt: req.prompt, temperature: 0.8, seed: req.seed, cachePrompt: req.cachePrompt, stop: req.stop });
			expect(j.seed).toBe(sampleSeed(3, 'tiny-m1', j.problem, j.index));
		});
		expect(jobs.map((j) => j.cachePrompt)).toEqual([false, true, true, false, true, true]);
		expect(jobs[0]!.stop).toEqual(['\nQuestion:']);
		// The seed follows the sampled model, not the round: the same model sampled again asks for the same samples.
		expect(poolJobs(problems, sampling, { round: 5, model: 'tiny-m1' })).toEqual(jobs);
		expect(poolJobs(problems, sampling, { round: 2, model: 'tiny-m2' })[0]!.seed).not.toBe(jobs[0]!.seed);
	});

});
