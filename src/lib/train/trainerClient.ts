// The page's side of the training worker: one round at a time, with pause, resume and cancel.
import type { TrainingRecord } from '../core/types';
import { rebuildTrainError } from './errors';
import type { FromTrainer, RoundRequest, ToTrainer, TrainProgress } from './protocol';

export interface TrainingJob {
	done: Promise<{ gguf: Uint8Array; result: TrainingRecord['result'] }>;
	pause(): void;
	resume(): void;
	cancel(): void;
}

export function trainInWorker(start: Uint8Array, round: RoundRequest, meta: { name: string; description: string }, onProgress: (p: TrainProgress) => void): TrainingJob {
	const worker = new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
	const send = (m: ToTrainer, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);
	const id = crypto.randomUUID();
	const done = new Promise<{ gguf: Uint8Array; result: TrainingRecord['result'] }>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<FromTrainer>) => {
			const m = e.data;
			if (m.id !== id) return;
			if (m.kind === 'progress') onProgress(m.progress);
			else if (m.kind === 'result') resolve({ gguf: new Uint8Array(m.gguf), result: m.result });
			else reject(rebuildTrainError(m.error));
		};
		worker.onerror = (e) => reject(new Error(`The training worker stopped: ${e.message || 'it could not start'}.`));
	}).finally(() => worker.terminate());
	const copy = start.slice().buffer;
	send({ kind: 'train', id, start: copy, round, ...meta }, [copy]);
	return { done, pause: () => send({ kind: 'pause' }), resume: () => send({ kind: 'resume' }), cancel: () => send({ kind: 'cancel' }) };
}
