import { describe, expect, it } from 'vitest';
import { generateProblems } from '../../../src/lib/core/problems';
import type { ModelConfig } from '../../../src/lib/train/config';
import { VOCAB } from '../../../src/lib/train/data';
import { withColumnWork } from '../../../src/lib/train/digits';
import { isTrainError } from '../../../src/lib/train/errors';
import { toGguf } from '../../../src/lib/train/gguf';
import type { RoundRequest, TrainProgress } from '../../../src/lib/train/protocol';
import { FAMILY_DPO, FAMILY_SFT } from '../../../src/lib/train/recipe';
import { initWeights } from '../../../src/lib/train/train';
import { trainRound } from '../../../src/lib/train/trainRound';

const cfg: ModelConfig = { vocab: VOCAB.size, dim: 16, layers: 1, heads: 2, ffn: 24, context: 256, ropeBase: 10000, eps: 1e-5 };
const pool = { family: 'word' as const, seed: 11, count: 3, split: 'in-domain' as const, levels: [1] };
const problems = generateProblems(pool);
const start = toGguf(cfg, initWeights(cfg, 3), 'start', 'a random start model');
const { kind: _kind, ...round } = FAMILY_SFT;

function request(samples: RoundRequest['samples']): RoundRequest {
	return { method: 'sft', from: { id: 'start', label: 'M1', sha256: '0' }, pool, sampling: { n: 2, temperature: 0.8, maxTokens: 200, seed: 1 }, round: { ...round, train: { ...round.train, batch: 2 } }, samples };
}
// Sample 0 of each problem is its gold solution (right answer), sample 1 a wrong one.
const samples = problems.flatMap((p) => [
	{ problem: p.id, index: 0, text: withColumnWork(p.solution), ended: true },
	{ problem: p.id, index: 1, text: `#### ${Number(p.answer) + 1}`, ended: true }
]);
const meta = { name: 'M2 test', description: 'a test round' };

describe('trainRound', () => {
	it('trainRound trains on the kept samples only, reports every step, and gives the same bytes twice', async () => {
		const seen: TrainProgress[] = [];
		const control = { checkpoint: async () => {}, progress: (p: TrainProgress) => void seen.push(p) };
		const a = await trainRound(start, request(samples), meta, control);
		const b = await trainRound(start, request(samples), meta, { checkpoint: async () => {}, progress: () => {} });
		// 3 kept samples, one epoch, batches of 2: ceil(3 / 2) = 2 steps.
		expect(a.result).toMatchObject({ kept: 3, items: 3, steps: 2 });
		expect(seen.at(-1)).toMatchObject({ step: 2, steps: 2, kept: 3, items: 3 });
		expect(seen.map((p) => p.step)).toEqual([...seen.map((p) => p.step)].sort((x, y) => x - y));
		expect(Buffer.from(a.gguf).equals(Buffer.from(b.gguf))).toBe(true);
		expect(Buffer.from(a.gguf).equals(Buffer.from(start))).toBe(false);
	});

	it('trainRound runs a DPO round on right/wrong pairs of the same problem, the start model as reference', async () => {
		const { kind: _k, ...dpo } = FAMILY_DPO;
		const req: RoundRequest = { ...request(samples), method: 'dpo', round: { ...dpo, train: { ...dpo.train, batch: 2 } } };
		const r = await trainRound(start, req, meta, { checkpoint: async () => {}, progress: () => {} });
		// One pair per problem, two epochs, batches of 2: ceil(3 * 2 / 2) = 3 steps.
		expect(r.result).toMatchObject({ kept: 3, items: 3, steps: 3 });
		expect(r.result.finalLoss).toBeGreaterThan(0);
	});

	it('trainRound stops with a cancelled TrainError when its control says so, and with no-data when nothing is kept', async () => {
		const cancelled = trainRound(start, request(samples), meta, {
			checkpoint: async () => {
				throw new (await import('../../../src/lib/train/errors')).TrainError('cancelled', 'stopped');
			},
			progress: () => {}
		});
		await expect(cancelled).rejects.toSatisfy((e: unknown) => isTrainError(e, 'cancelled'));
		const wrongOnly = samples.filter((s) => s.index === 1);
		await expect(trainRound(start, request(wrongOnly), meta, { checkpoint: async () => {}, progress: () => {} })).rejects.toSatisfy((e: unknown) => isTrainError(e, 'no-data'));
	});
});
