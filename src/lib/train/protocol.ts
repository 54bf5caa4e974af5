// The training worker's messages, in one place: a discriminated union on `kind` each way.
import type { TrainingRecord } from '../core/types';
import type { SerializedTrainError } from './errors';

/** What the worker needs to train one round: everything of the record but its outcome. */
export type RoundRequest = Omit<TrainingRecord, 'sha256' | 'result'>;

export type ToTrainer =
	| { kind: 'train'; id: string; start: ArrayBuffer; round: RoundRequest; name: string; description: string }
	| { kind: 'pause' }
	| { kind: 'resume' }
	| { kind: 'cancel' };

export interface TrainProgress {
	step: number;
	steps: number;
	/** Mean loss of this step's batch. */
	loss: number;
	/** From the mean step time so far; undefined before the first step. */
	secondsLeft?: number;
	/** Samples the round's filter kept, and the items (kept samples or pairs) it trains on. */
	kept: number;
	items: number;
}

export type FromTrainer =
	| { kind: 'progress'; id: string; progress: TrainProgress }
	| { kind: 'result'; id: string; gguf: ArrayBuffer; result: TrainingRecord['result'] }
	| { kind: 'error'; id: string; error: SerializedTrainError };
