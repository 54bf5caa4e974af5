// The paper's iterative DPO variant of Algorithm 1, from the same M1 as the SFT chain: for
// t = 2..5, sample N solutions per training problem from D(t-1), pair a correct with an incorrect
// sample of the same problem, and train D(t) by DPO with D(t-1) as the frozen reference.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from './config';
import { PROMPT_TEMPLATE } from './data';
import { dpoGradient, preferencePairs } from './dpo';
import { fromGguf, toGguf } from './gguf';
import { greedyAccuracy, sampleRound, type RoundStats, type TrainProblem } from './selfImprove';
import { optimize, type TrainOptions } from './train';

export interface DpoSettings {
	iterations: number;
	n: number;
	temperature: number;
	maxTokens: number;
	beta: number;
	/** Weight of the chosen completion's mean token NLL added to the DPO loss. */
	nll: number;
	pairsPerProblem: number;
	epochs: number;
	seed: number;
	train: Omit<TrainOptions, 'seed' | 'log' | 'onStep'> & { seed: number };
}

export interface DpoEntry {
	id: string;
	label: string;
	iteration: number;
	file: string;
	bytes: number;
	sha256: string;
	trainingSet: { source: 'self-pairs'; pairs: number; round: RoundStats };
	training: Omit<TrainOptions, 'log' | 'onStep'> & { beta: number; nll: number; finalLoss: number | null; seconds: number; from: string };
	nodeGreedyAccuracy: Record<string, number>;
}

interface Where {
	out: string;
	cache: string;
	resume: boolean;
	log: (line: string) => void;
}

export function trainDpoChain(c: ModelConfig, m1: Float64Array, problems: readonly TrainProblem[], probe: readonly TrainProblem[], s: DpoSettings, where: Where): DpoEntry[] {
	const entries: DpoEntry[] = [];
	const w = m1.slice();
	for (let it = 2; it <= s.iterations; it++) {
		const id = `tiny-dpo-m${it}`;
		const file = `${id}.gguf`;
		const cached = join(where.cache, `${id}.json`);
		if (where.resume && existsSync(cached) && existsSync(join(where.out, file))) {
			entries.push(JSON.parse(readFileSync(cached, 'utf8')) as DpoEntry);
			w.set(fromGguf(new Uint8Array(readFileSync(join(where.out, file)))).weights);
			where.log(`${id}: resumed from ${where.out}/${file}`);
			continue;
		}
		const t0 = performance.now();
		const from = it === 2 ? 'M1' : `D${it - 1}`;
		const round = sampleRound(c, w, problems, { n: s.n, temperature: s.temperature, maxTokens: s.maxTokens, seed: s.seed, round: it });
		// The reference is the model the samples came from, scored before it is trained.
		const pairs = preferencePairs(c, w, round.groups, s.pairsPerProblem);
		where.log(`${id}: ${round.stats.kept} of ${round.stats.samples} samples correct; ${pairs.length} preference pairs from ${from}`);
		const steps = Math.min(s.train.steps, Math.ceil((pairs.length * s.epochs) / s.train.batch));
		const opts = { ...s.train, steps, seed: s.train.seed + it };
		const res = pairs.length > 0 ? optimize(c, w, pairs, dpoGradient(c, w, s.beta, s.nll), { ...opts, log: (l) => where.log(`${id}: ${l}`) }) : { finalLoss: null };
		const acc = greedyAccuracy(c, w, probe, s.maxTokens);
		where.log(`${id}: held-out greedy accuracy (trainer forward pass) ${JSON.stringify(acc)}`);
		const bytes = toGguf(c, w, `reversal-lab ${id}`, `Built-in tiny model D${it} (iterative DPO from M1). Prompt: ${JSON.stringify(PROMPT_TEMPLATE)}`);
		writeFileSync(join(where.out, file), bytes);
		const entry: DpoEntry = {
			id,
			label: `D${it}`,
			iteration: it,
			file,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			trainingSet: { source: 'self-pairs', pairs: pairs.length, round: round.stats },
			training: { ...opts, beta: s.beta, nll: s.nll, finalLoss: res.finalLoss, seconds: Math.round((performance.now() - t0) / 1000), from },
			nodeGreedyAccuracy: acc
		};
		writeFileSync(cached, JSON.stringify(entry, null, '\t'));
		entries.push(entry);
	}
	return entries;
}
