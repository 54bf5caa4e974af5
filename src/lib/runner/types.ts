// The runner's data: a stored study, its progress, and the events a run sends to the page.
import type { Environment, ModelRef, Problem, Sample, StudyConfig } from '../core/types';
import type { SerializedError } from '../engines/errors';
import type { LoadProgress } from '../engines/types';

export type RunStatus = 'new' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** A study as kept in IndexedDB: everything needed to run (or resume) it, without its samples. */
export interface StoredStudy {
	id: string;
	study: StudyConfig;
	problems: Problem[];
	models: ModelRef[];
	/** Few-shot exemplars, disjoint from `problems`; empty for zero-shot templates. */
	exemplars: Problem[];
	status: RunStatus;
	error?: SerializedError;
	environment?: Environment;
	createdAt: string;
	updatedAt: string;
}

export interface StudySummary {
	id: string;
	name: string;
	status: RunStatus;
	done: number;
	total: number;
	updatedAt: string;
	error?: SerializedError;
}

export interface Counter {
	done: number;
	total: number;
}

export interface RunProgress {
	status: RunStatus;
	/** The models being sampled (or loaded) at the moment, by id, in run order: several when their
	 * engine kind runs models at once (registry lanes). */
	models?: string[];
	perModel: Record<string, Counter>;
	overall: Counter;
	/** Samples and generated tokens per second over this session's running time. */
	samplesPerSecond?: number;
	tokensPerSecond?: number;
	/** Estimated seconds left, from the current rate; undefined until there is one. */
	secondsLeft?: number;
	load?: LoadProgress;
	error?: SerializedError;
	/** false when the status could not be written (a full disk): the page keeps it for the list. */
	statusStored?: false;
}

export type RunEvent =
	| { type: 'progress'; progress: RunProgress }
	| { type: 'samples'; samples: Sample[] };
