// The training worker: runs one round of the live loop (src/lib/train/trainRound.ts) off the main thread.
import { TrainError, serializeTrainError } from '../train/errors';
import type { FromTrainer, ToTrainer } from '../train/protocol';
import type { ModelConfig } from '../train/config';
import type { GradientHelper } from '../train/gradientHelper';
import { createSharedHelper, type SharedHelper } from '../train/sharedHelper';
import { trainRound } from '../train/trainRound';

let paused = false;
let cancelled = false;
let wake: (() => void) | undefined;

const post = (m: FromTrainer, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(m, transfer);

async function checkpoint(): Promise<void> {
	// Let queued messages (pause, cancel) arrive before the next slice of steps.
	await new Promise((resolve) => setTimeout(resolve, 0));
	while (paused && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
	if (cancelled) throw new TrainError('cancelled', 'Training was cancelled; the model it started from is unchanged.');
}

let current: { key: string; helper: SharedHelper } | undefined;

/**
 * A second core for the gradients when the page may share memory (cross-origin isolated) and has
 * one; otherwise, or if the helper does not start within a few seconds, training runs on this
 * thread alone, to the same bytes.
 */
async function helperFor(c: ModelConfig, capacity: number): Promise<GradientHelper | null> {
	if (!globalThis.crossOriginIsolated || (navigator.hardwareConcurrency ?? 1) < 2) return null;
	const key = `${JSON.stringify(c)}/${capacity}`;
	if (current?.key === key) return current.helper;
	const old = current;
	current = undefined;
	await old?.helper.close();
	let ready: Promise<void> = Promise.resolve();
	try {
		const helper = createSharedHelper(c, capacity, (buffers) => {
			const worker = new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module', name: 'gradient' });
			// The helper blocks its thread once started; the trainer waits for it to say so before relying on it.
			ready = new Promise<void>((resolve, reject) => {
				worker.onmessage = () => resolve();
				worker.onerror = (e) => reject(new Error(e.message || 'the gradient worker did not start'));
				setTimeout(() => reject(new Error('the gradient worker did not start within 5 s')), 5000);
			});
			worker.postMessage({ config: c, buffers });
			return worker;
		});
		try {
			await ready;
		} catch (err) {
			await helper.close();
			throw err;
		}
		current = { key, helper };
		return helper;
	} catch (err) {
		console.warn(`Training on one thread: ${err instanceof Error ? err.message : String(err)}`);
		return null;
	}
}

self.onmessage = async (e: MessageEvent<ToTrainer>) => {
	const m = e.data;
	if (m.kind === 'pause') paused = true;
	else if (m.kind === 'resume' || m.kind === 'cancel') {
		if (m.kind === 'cancel') cancelled = true;
		paused = false;
		wake?.();
	} else if (m.kind === 'train') {
		paused = false;
		cancelled = false;
		try {
			const { gguf, result } = await trainRound(new Uint8Array(m.start), m.round, m, { checkpoint, progress: (progress) => post({ kind: 'progress', id: m.id, progress }), helper: helperFor });
			const buffer = gguf.buffer.slice(gguf.byteOffset, gguf.byteOffset + gguf.byteLength) as ArrayBuffer;
			post({ kind: 'result', id: m.id, gguf: buffer, result }, [buffer]);
		} catch (err) {
			post({ kind: 'error', id: m.id, error: serializeTrainError(err) });
		}
	}
};
