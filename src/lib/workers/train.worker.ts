// The training worker: runs one round of the live loop (src/lib/train/trainRound.ts) off the main thread.
import { TrainError, serializeTrainError } from '../train/errors';
import type { FromTrainer, ToTrainer } from '../train/protocol';
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
			const { gguf, result } = await trainRound(new Uint8Array(m.start), m.round, m, { checkpoint, progress: (progress) => post({ kind: 'progress', id: m.id, progress }) });
			const buffer = gguf.buffer.slice(gguf.byteOffset, gguf.byteOffset + gguf.byteLength) as ArrayBuffer;
			post({ kind: 'result', id: m.id, gguf: buffer, result }, [buffer]);
		} catch (err) {
			post({ kind: 'error', id: m.id, error: serializeTrainError(err) });
		}
	}
};
