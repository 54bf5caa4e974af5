// One recorded round trained from a start GGUF to a trained GGUF, a few steps at a time so the
// caller (the training worker) can take messages in between: pause, resume, cancel.
import type { TrainingRecord } from '../core/types';
import { TrainError } from './errors';
import type { ModelConfig } from './config';
import { fromGguf, toGguf } from './gguf';
import type { GradientHelper } from './gradientHelper';
import type { RoundRequest, TrainProgress } from './protocol';
import { recordRound } from './recordRound';

export interface RoundControl {
	/** Awaited between slices of steps: resolves when training may go on, throws to stop it. */
	checkpoint(): Promise<void>;
	progress(p: TrainProgress): void;
	/** A second thread for the gradients, if there is one (time only: the bytes are the same). */
	helper?(c: ModelConfig, capacity: number): Promise<GradientHelper | null>;
}

/** Milliseconds of training between two looks at the control. */
const SLICE_MS = 100;

export async function trainRound(
	start: Uint8Array, round: RoundRequest, meta: { name: string; description: string }, control: RoundControl
): Promise<{ gguf: Uint8Array; result: TrainingRecord['result'] }> {
	const t0 = performance.now();
	let model;
	try {
		model = fromGguf(start);
	} catch (e) {
		throw new TrainError('bad-model', `The start model is not a GGUF file this trainer wrote (${e instanceof Error ? e.message : String(e)}).`);
	}
	const { config: c, weights: w } = model;
	// A DPO batch hands the helper two completions a pair.
	const helper = (await control.helper?.(c, 2 * round.round.train.batch)) ?? null;
	const prepared = recordRound(c, w, round, helper);
	const base = { kept: prepared.stats.kept, items: prepared.items };
	if (!prepared.optimizer) throw new TrainError('no-data', round.method === 'sft' ? `No sample of the ${prepared.stats.samples} passed the round's filter, so there is nothing to train on: draw more samples per problem, or use a larger pool.` : `No problem has both an accepted and a rejected sample, so there is no preference pair to train on.`);
	const run = prepared.optimizer;
	control.progress({ step: 0, steps: run.steps, loss: NaN, ...base });
	const trainStart = performance.now();
	while (!run.done) {
		await control.checkpoint();
		const sliceEnd = performance.now() + SLICE_MS;
		let last;
		do last = run.step();
		while (!run.done && performance.now() < sliceEnd);
		const perStep = (performance.now() - trainStart) / last.step;
		control.progress({ step: last.step, steps: last.steps, loss: last.loss, secondsLeft: ((last.steps - last.step) * perStep) / 1000, ...base });
	}
	const res = run.result();
	const gguf = toGguf(c, w, meta.name, meta.description);
	return { gguf, result: { kept: prepared.stats.kept, items: prepared.items, steps: run.steps, finalLoss: res.finalLoss, seconds: Math.round((performance.now() - t0) / 100) / 10, threads: helper ? 2 : 1 } };
}

/** The GGUF name and description of a model trained by the live loop (part of its bytes, so one rule). */
export function trainedModelMeta(label: string, round: Pick<RoundRequest, 'method' | 'from'>): { name: string; description: string } {
	return { name: `reversal-lab ${label}`, description: `${label}: one ${round.method.toUpperCase()} round from ${round.from.label} (sha256 ${round.from.sha256.slice(0, 12)}), trained by the Reversal Lab live loop. Prompt: "Q: {question}\\nA: "` };
}
