// The paper's loop, live: sample M(t) on the training pool (runner worker, llama.cpp), keep the
// right answers or pair them with wrong ones, train M(t+1) (training worker), keep it in IndexedDB,
// then evaluate it on the demo's problems beside its predecessors (the demo run, extended).
import { generateProblems } from '$lib/core/problems';
import type { ModelRef, Sample, TrainingRecord } from '$lib/core/types';
import type { RunProgress, StoredStudy } from '$lib/runner/types';
import type { TrainedModel } from '$lib/runner/storage';
import { FAMILY_DPO, FAMILY_POOL, FAMILY_SAMPLING, FAMILY_SFT, roundSettingsAt } from '$lib/train/recipe';
import { poolStudyConfig } from '$lib/train/pool';
import type { RoundRequest, TrainProgress } from '$lib/train/protocol';
import { isTrainError } from '$lib/train/errors';
import type { TrainingJob } from '$lib/train/trainerClient';
import { trainedModelMeta } from '$lib/train/trainRound';
import { fetchCapped } from '$lib/net/fetchCapped';
import { sha256Hex } from '$lib/engines/wllama/builtinFile';
import { trainedModels } from '$lib/ui/study/trainedModels.svelte';
import { demoRun, type DemoContext } from './demoRun.svelte';

export type LoopPhase = 'idle' | 'sampling' | 'training' | 'evaluating';
export type LoopMethod = 'sft' | 'dpo';

/** How much of the family's round a live round does. 'lecture' fits a minute here; 'family' is the shipped round. */
export const LOOP_SIZES = {
	lecture: { label: 'Lecture: 60 pool problems × 4 samples', pool: 60 },
	family: { label: "The family's own: 500 pool problems × 4 samples", pool: 500 }
} as const;
export type LoopSize = keyof typeof LOOP_SIZES | 'toy';

/** The model a round starts from: its ref in a study, its bytes, and the files the runner needs. */
interface Parent {
	ref: ModelRef;
	bytes: Uint8Array;
	sha256: string;
	iteration: number;
	files: Record<string, Blob>;
}

const POOL_STUDY = 'live-loop-pool';

/** `losses` with `loss` at `step` (1-based); steps not reported in between are NaN (drawn as nothing). */
function lossesAt(losses: readonly number[], step: number, loss: number): number[] {
	const next = Array.from({ length: Math.max(losses.length, step) }, (_, i) => losses[i] ?? NaN);
	next[step - 1] = loss;
	return next;
}

/** The recorded request of the round that trains iteration `iteration`, for `size` (toy: 4 problems, for tests). */
export function roundRequest(method: LoopMethod, size: LoopSize, from: TrainingRecord['from'], iteration: number): RoundRequest {
	const count = size === 'toy' ? 4 : LOOP_SIZES[size].pool;
	const settings = method === 'sft' ? FAMILY_SFT : FAMILY_DPO;
	const { kind: _kind, ...round } = settings;
	return { method, from, pool: { ...FAMILY_POOL, count }, sampling: { ...FAMILY_SAMPLING }, round: roundSettingsAt(round, iteration), samples: [] };
}

class LiveLoop {
	phase = $state<LoopPhase>('idle');
	paused = $state(false);
	error = $state<string | undefined>();
	sampling = $state.raw<RunProgress | undefined>();
	training = $state.raw<TrainProgress | undefined>();
	/** Loss per step of the round being trained (index = step - 1; NaN for a step not reported). */
	losses = $state.raw<number[]>([]);
	/** The round in progress: which model, from which. */
	current = $state<{ label: string; from: string; method: LoopMethod } | undefined>();
	#job: TrainingJob | undefined;
	#cancelled = false;

	get busy(): boolean {
		return this.phase !== 'idle';
	}

	/** The models trained so far, oldest first (the one list, shared with the study page). */
	get trained(): TrainedModel[] {
		return trainedModels.list;
	}

	async #parent(m1: ModelRef, ctx: DemoContext): Promise<Parent> {
		const last = this.trained.at(-1);
		if (last) {
			const bytes = new Uint8Array(await last.gguf.arrayBuffer());
			return { ref: last.ref, bytes, sha256: last.ref.training.sha256, iteration: Number(/(\d+)$/.exec(last.ref.id)?.[1] ?? 1), files: { [last.ref.id]: last.gguf } };
		}
		// The built-in files are under 1 MB; the cap and the idle timeout keep a broken server from hanging the loop.
		const bytes = await fetchCapped(new URL(m1.source, ctx.baseUrl).href, { maxBytes: 64e6 });
		return { ref: m1, bytes, sha256: await sha256Hex(new Blob([bytes as Uint8Array<ArrayBuffer>])), iteration: 1, files: {} };
	}

	/** Samples the pool from the parent through the runner; resolves with the pool samples. */
	async #samplePool(parent: Parent, round: RoundRequest, ctx: DemoContext): Promise<RoundRequest['samples']> {
		const { runnerClient } = await import('$lib/runner/client');
		const { api, Comlink } = await runnerClient();
		const problems = generateProblems(round.pool);
		const stamp = new Date().toISOString();
		const model = { ...parent.ref, order: 0 };
		const study: StoredStudy = {
			id: POOL_STUDY,
			study: poolStudyConfig(POOL_STUDY, `Live loop: ${parent.ref.label} on ${problems.length} training problems`, round.sampling, { seed: round.pool.seed, count: problems.length }, model.id),
			problems,
			models: [model],
			exemplars: [],
			status: 'new',
			createdAt: stamp,
			updatedAt: stamp
		};
		await api.deleteStudy(POOL_STUDY);
		await api.createStudy(study, parent.files);
		const status = await api.start(POOL_STUDY, { baseUrl: ctx.baseUrl, app: ctx.app }, Comlink.proxy((e) => {
			if (e.type === 'progress') this.sampling = e.progress;
		}));
		if (status !== 'done') throw new LoopCancelled();
		const bundle = await api.bundle(POOL_STUDY);
		await api.deleteStudy(POOL_STUDY);
		return bundle.samples.map((s: Sample) => ({ problem: s.problem, index: s.index, text: s.text, ended: s.finish ? s.finish === 'stop' : s.tokens < round.sampling.maxTokens }));
	}

	/**
	 * One iteration of Algorithm 1 from the last model of the chain (M1 at first), then the new model
	 * is added to the demo study `demo` and sampled there.
	 */
	async trainNext(method: LoopMethod, size: LoopSize, demo: StoredStudy, ctx: DemoContext): Promise<void> {
		if (this.busy || demoRun.active) return;
		this.error = undefined;
		this.#cancelled = false;
		this.paused = false;
		this.losses = [];
		this.sampling = undefined;
		this.training = undefined;
		try {
			const m1 = demo.models.find((m) => m.order === 0) ?? demo.models[0];
			if (!m1) throw new Error('The demo study has no models to start from.');
			const parent = await this.#parent(m1, ctx);
			const t = parent.iteration + 1;
			const label = `M${t} live`;
			this.current = { label, from: parent.ref.label, method };
			const round = roundRequest(method, size, { id: parent.ref.id, label: parent.ref.label, sha256: parent.sha256 }, t);
			this.phase = 'sampling';
			round.samples = await this.#samplePool(parent, round, ctx);
			if (this.#cancelled) throw new LoopCancelled();
			this.phase = 'training';
			const { trainInWorker } = await import('$lib/train/trainerClient');
			this.#job = trainInWorker(parent.bytes, round, trainedModelMeta(label, round), (p) => {
				this.training = p;
				// Progress comes once per time slice, often several steps apart: each loss is filed at its own step.
				if (p.step > 0) this.losses = lossesAt(this.losses, p.step, p.loss);
			});
			if (this.paused) this.#job.pause();
			const { gguf, result } = await this.#job.done;
			this.#job = undefined;
			const id = `live-m${t}`;
			const file = new Blob([gguf.slice().buffer], { type: 'application/octet-stream' });
			const ref: TrainedModel['ref'] = {
				id,
				label,
				engine: 'wllama',
				source: `file:${id}.gguf`,
				order: demo.models.length,
				training: { ...round, sha256: await sha256Hex(file), result }
			};
			const kept: TrainedModel = { ref, gguf: file, createdAt: new Date().toISOString() };
			await trainedModels.add(kept);
			this.phase = 'evaluating';
			const extended: StoredStudy = { ...demo, models: [...demo.models.filter((m) => m.id !== id), ref], status: 'paused', updatedAt: new Date().toISOString() };
			await demoRun.extend(extended, ctx, { [id]: file });
		} catch (e) {
			if (!(e instanceof LoopCancelled) && !isTrainError(e, 'cancelled')) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#job = undefined;
			this.phase = 'idle';
			this.paused = false;
			this.current = undefined;
		}
	}

	async pause(): Promise<void> {
		this.paused = true;
		if (this.phase === 'training') this.#job?.pause();
		else if (this.phase === 'sampling') (await this.#runner()).pause();
		else if (this.phase === 'evaluating') await demoRun.pause();
	}

	async resume(): Promise<void> {
		this.paused = false;
		if (this.phase === 'training') this.#job?.resume();
		else if (this.phase === 'sampling') (await this.#runner()).resume();
		else if (this.phase === 'evaluating') await demoRun.resume();
	}

	async cancel(): Promise<void> {
		this.#cancelled = true;
		if (this.phase === 'training') this.#job?.cancel();
		else if (this.phase === 'sampling') (await this.#runner()).cancel();
		else if (this.phase === 'evaluating') await demoRun.cancel();
	}

	/** Forgets every trained model (the built-in ones stay). */
	async clear(): Promise<void> {
		if (!this.busy) await trainedModels.clear();
	}

	async #runner() {
		const { runnerClient } = await import('$lib/runner/client');
		return (await runnerClient()).api;
	}
}

class LoopCancelled extends Error {
	override name = 'LoopCancelled';
}

export const liveLoop = new LiveLoop();
