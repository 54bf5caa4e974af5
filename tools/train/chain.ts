// A chain of self-improvement rounds (the paper's Algorithm 1 and its DPO and alternating
// variants): each round samples N solutions per training problem from the previous model with the
// trainer's decoder, then trains by SFT on the accepted samples or by DPO on accepted/rejected pairs
// (src/lib/train/round.ts). Files and resume live here; the round itself is the page's too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from '../../src/lib/train/config';
import { PROMPT_TEMPLATE } from '../../src/lib/train/data';
import { fromGguf, toGguf } from '../../src/lib/train/gguf';
import { prepareRound, type PoolSample, type RoundKind, type RoundSettings } from '../../src/lib/train/round';
import type { PoolRound, PoolSampling } from '../../src/lib/train/pool';
import { roundSettingsAt } from '../../src/lib/train/recipe';
import { greedyAccuracy, type RoundStats, type TrainProblem } from '../../src/lib/train/selfImprove';
import type { TrainPlace } from './place';

/** Everything one kind of round needs; `train.seed + iteration` orders the data of round `iteration`. */
export interface RoundRecipe {
	sampling: PoolSampling;
	round: RoundSettings;
}

/** Samples a round's pool from the given weights (llama.cpp through wllama, or the trainer's decoder). */
export type PoolSampler = (w: Float64Array, problems: readonly TrainProblem[], s: PoolSampling, at: PoolRound) => Promise<PoolSample[]>;

export type { RoundKind };

export interface ChainPlan {
	/** File and id prefix: `${prefix}${t}`. */
	prefix: string;
	/** Label prefix: `${labelPrefix}${t}`. */
	labelPrefix: string;
	/** The iteration the start weights are, and the label they go by. */
	startIteration: number;
	startLabel: string;
	/** Model id of the start weights, as the page names them ('tiny-m1'): pool seeds derive from the sampled model's id. */
	startId: string;
	/** One kind per round, for iterations startIteration + 1, startIteration + 2, ... */
	kinds: RoundKind[];
	/** What the chain is, for each file's GGUF description (e.g. 'iterative DPO from M1'). */
	description: string;
	/**
	 * 'previous': round t trains M(t-1) on M(t-1)'s samples (the paper's Algorithm 1). 'first': round t
	 * trains the chain's start model afresh on every sample accepted so far (STaR, ReST-EM); SFT only.
	 */
	start?: 'previous' | 'first';
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
	training: RoundSettings['train'] & { filter: RoundSettings['filter']; start: 'previous' | 'first'; beta?: number; nll?: number; finalLoss: number | null; tokens: number; seconds: number; from: string };
	nodeGreedyAccuracy: Record<string, number>;
}

export interface ChainResult {
	entries: ChainEntry[];
	/** Each round's model, in order (what a sweep evaluates). */
	weights: Float64Array[];
}

export async function trainChain(
	c: ModelConfig, start: Float64Array, problems: readonly TrainProblem[], probe: readonly TrainProblem[],
	plan: ChainPlan, recipes: Record<RoundKind, RoundRecipe>, sampler: PoolSampler, where: TrainPlace
): Promise<ChainResult> {
	const entries: ChainEntry[] = [];
	const models: Float64Array[] = [];
	const mode = plan.start ?? 'previous';
	if (mode === 'first' && plan.kinds.some((k) => k !== 'sft')) throw new Error(`chain ${plan.prefix}: restarting from the first model is defined for SFT rounds only`);
	let w: Float64Array = start.slice();
	// Samples accepted so far, re-offered to every later round when rounds restart from the start model.
	const gathered: PoolSample[] = [];
	for (const [k, kind] of plan.kinds.entries()) {
		const it = plan.startIteration + 1 + k;
		const id = `${plan.prefix}${it}`;
		const file = `${id}.gguf`;
		const cached = join(where.cache, `${id}.json`);
		if (where.resume && mode === 'previous' && existsSync(cached) && existsSync(join(where.out, file))) {
			entries.push(JSON.parse(readFileSync(cached, 'utf8')) as ChainEntry);
			w = fromGguf(new Uint8Array(readFileSync(join(where.out, file)))).weights;
			models.push(w.slice());
			where.log(`${id}: resumed from ${where.out}/${file}`);
			continue;
		}
		const t0 = performance.now();
		const from = k === 0 ? plan.startLabel : `${plan.labelPrefix}${it - 1}`;
		const recipe = recipes[kind];
		// Indices run on across rounds, so samples gathered from several rounds stay distinct and ordered.
		const sampledId = k === 0 ? plan.startId : `${plan.prefix}${it - 1}`;
		const sampled = (await sampler(w, problems, recipe.sampling, { round: it, model: sampledId })).map((s) => ({ ...s, index: s.index + k * recipe.sampling.n }));
		const offered = mode === 'first' ? [...gathered, ...sampled] : sampled;
		if (mode === 'first') gathered.push(...sampled);
		const base = mode === 'first' ? start.slice() : w;
		const settings: RoundSettings = roundSettingsAt(recipe.round, it);
		const round = prepareRound(c, base, problems, offered, settings, where.helper ?? null);
		where.log(`${id}: ${kind.toUpperCase()} on ${round.items} ${kind === 'sft' ? 'accepted samples' : 'preference pairs'} (${round.stats.kept} of ${round.stats.samples} samples accepted, filter '${settings.filter}') from ${mode === 'first' ? plan.startLabel : from}`);
		let res: { finalLoss: number | null; tokens: number } = { finalLoss: null, tokens: 0 };
		if (round.optimizer) {
			while (!round.optimizer.done) round.optimizer.step();
			res = round.optimizer.result();
		}
		w = base;
		models.push(w.slice());
		const acc = greedyAccuracy(c, w, probe, recipe.sampling.maxTokens);
		where.log(`${id}: held-out greedy accuracy (trainer forward pass) ${JSON.stringify(acc)}`);
		const label = `${plan.labelPrefix}${it}`;
		const bytes = toGguf(c, w, `reversal-lab ${id}`, `Built-in tiny model ${label} (${plan.description}). Prompt: ${JSON.stringify(PROMPT_TEMPLATE)}`);
		if (!where.noFiles) writeFileSync(join(where.out, file), bytes);
		const entry: ChainEntry = {
			id,
			label,
			iteration: it,
			kind,
			file,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			trainingSet: { source: kind === 'sft' ? 'self' : 'self-pairs', examples: round.items, round: round.stats },
			training: { ...round.options, filter: settings.filter, start: mode, ...(kind === 'dpo' ? { beta: settings.beta, nll: settings.nll } : {}), finalLoss: res.finalLoss, tokens: res.tokens, seconds: Math.round((performance.now() - t0) / 1000), from },
			nodeGreedyAccuracy: acc
		};
		if (!where.noFiles) writeFileSync(cached, JSON.stringify(entry, null, '\t'));
		entries.push(entry);
	}
	return { entries, weights: models };
}
