// A chain of self-improvement rounds beside the main SFT chain (the paper's DPO and alternating
// variants of Algorithm 1): each round samples N solutions per training problem from the previous
// model, then either trains on the correct ones (SFT) or pairs a correct with an incorrect sample
// of the same problem and trains by DPO with the previous model as the frozen reference.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from '../../src/lib/train/config';
import { PROMPT_TEMPLATE } from '../../src/lib/train/data';
import { dpoGradient, preferencePairs } from '../../src/lib/train/dpo';
import { fromGguf, toGguf } from '../../src/lib/train/gguf';
import type { TrainPlace } from './place';
import { greedyAccuracy, sampleRound, type RoundStats, type TrainProblem } from '../../src/lib/train/selfImprove';
import { optimize, sftGradient, type TrainOptions } from '../../src/lib/train/train';

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

/** The SFT rounds' settings (the main chain's). */
export interface SftSettings {
	n: number;
	temperature: number;
	maxTokens: number;
	epochs: number;
	seed: number;
	train: Omit<TrainOptions, 'seed' | 'log' | 'onStep'> & { seed: number };
}

export type RoundKind = 'sft' | 'dpo';

export interface ChainPlan {
	/** File and id prefix: `${prefix}${t}`. */
	prefix: string;
	/** Label prefix: `${labelPrefix}${t}`. */
	labelPrefix: string;
	/** The iteration the start weights are, and the label they go by. */
	startIteration: number;
	startLabel: string;
	/** One kind per round, for iterations startIteration + 1, startIteration + 2, ... */
	kinds: RoundKind[];
	/** What the chain is, for each file's GGUF description (e.g. 'iterative DPO from M1'). */
	description: string;
}

export interface ChainEntry {
	id: string;
	label: string;
	iteration: number;
	kind: RoundKind;
	file: string;
	bytes: number;
	sha256: string;
	trainingSet: { source: 'self' | 'self-pairs'; examples: number; round: RoundStats };
	training: Omit<TrainOptions, 'log' | 'onStep'> & { beta?: number; nll?: number; finalLoss: number | null; tokens: number; seconds: number; from: string };
	nodeGreedyAccuracy: Record<string, number>;
}

export function trainChain(
	c: ModelConfig, start: Float64Array, problems: readonly TrainProblem[], probe: readonly TrainProblem[],
	plan: ChainPlan, settings: { sft: SftSettings; dpo: DpoSettings }, where: TrainPlace
): ChainEntry[] {
	const entries: ChainEntry[] = [];
	const w = start.slice();
	plan.kinds.forEach((kind, k) => {
		const it = plan.startIteration + 1 + k;
		const id = `${plan.prefix}${it}`;
		const file = `${id}.gguf`;
		const cached = join(where.cache, `${id}.json`);
		if (where.resume && existsSync(cached) && existsSync(join(where.out, file))) {
			entries.push(JSON.parse(readFileSync(cached, 'utf8')) as ChainEntry);
			w.set(fromGguf(new Uint8Array(readFileSync(join(where.out, file)))).weights);
			where.log(`${id}: resumed from ${where.out}/${file}`);
			return;
		}
		const t0 = performance.now();
		const from = k === 0 ? plan.startLabel : `${plan.labelPrefix}${it - 1}`;
		const s = kind === 'sft' ? settings.sft : settings.dpo;
		const round = sampleRound(c, w, problems, { n: s.n, temperature: s.temperature, maxTokens: s.maxTokens, seed: s.seed, round: it });
		let examples: number;
		let res: { finalLoss: number | null; tokens: number };
		let opts: Omit<TrainOptions, 'log' | 'onStep'>;
		if (kind === 'sft') {
			examples = round.examples.length;
			where.log(`${id}: SFT on ${examples} correct samples of ${round.stats.samples} from ${from}`);
			opts = { ...settings.sft.train, steps: Math.min(settings.sft.train.steps, Math.ceil((examples * settings.sft.epochs) / settings.sft.train.batch)), seed: settings.sft.train.seed + it };
			res = examples > 0 ? optimize(c, w, round.examples, sftGradient(c, w), { ...opts, log: (l) => where.log(`${id}: ${l}`) }) : { finalLoss: null, tokens: 0 };
		} else {
			// The reference is the model the samples came from, scored before it is trained.
			const pairs = preferencePairs(c, w, round.groups, settings.dpo.pairsPerProblem);
			examples = pairs.length;
			where.log(`${id}: ${round.stats.kept} of ${round.stats.samples} samples correct; ${pairs.length} preference pairs from ${from}`);
			opts = { ...settings.dpo.train, steps: Math.min(settings.dpo.train.steps, Math.ceil((pairs.length * settings.dpo.epochs) / settings.dpo.train.batch)), seed: settings.dpo.train.seed + it };
			res = pairs.length > 0 ? optimize(c, w, pairs, dpoGradient(c, w, settings.dpo.beta, settings.dpo.nll), { ...opts, log: (l) => where.log(`${id}: ${l}`) }) : { finalLoss: null, tokens: 0 };
		}
		const acc = greedyAccuracy(c, w, probe, s.maxTokens);
		where.log(`${id}: held-out greedy accuracy (trainer forward pass) ${JSON.stringify(acc)}`);
		const label = `${plan.labelPrefix}${it}`;
		const bytes = toGguf(c, w, `reversal-lab ${id}`, `Built-in tiny model ${label} (${plan.description}). Prompt: ${JSON.stringify(PROMPT_TEMPLATE)}`);
		writeFileSync(join(where.out, file), bytes);
		const entry: ChainEntry = {
			id,
			label,
			iteration: it,
			kind,
			file,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			trainingSet: { source: kind === 'sft' ? 'self' : 'self-pairs', examples, round: round.stats },
			training: { ...opts, ...(kind === 'dpo' ? { beta: settings.dpo.beta, nll: settings.dpo.nll } : {}), finalLoss: res.finalLoss, tokens: res.tokens, seconds: Math.round((performance.now() - t0) / 1000), from },
			nodeGreedyAccuracy: acc
		};
		writeFileSync(cached, JSON.stringify(entry, null, '\t'));
		entries.push(entry);
	});
	return entries;
}
