// The one message protocol between an engine proxy (main thread or runner worker) and an engine
// worker. Requests carry an id from crypto.randomUUID(); every reply names the request it
// answers and is a result, an error (serialised, rebuilt on arrival) or a progress report.
import type { ModelRef } from '../core/types';
import type { Completion, CompletionRequest, EngineInfo, LoadOptions, LoadProgress } from './types';
import type { SerializedError } from './errors';

export type EngineRequest =
	| { kind: 'load'; id: string; model: ModelRef; options: LoadOptions }
	| { kind: 'complete'; id: string; request: CompletionRequest }
	| { kind: 'unload'; id: string }
	| { kind: 'info'; id: string }
	/** Aborts the request with id `target` (a load or a completion). */
	| { kind: 'abort'; id: string; target: string };

export interface ReplyValues {
	load: null;
	complete: Completion;
	unload: null;
	info: EngineInfo;
	abort: null;
}

export type EngineReply =
	| { kind: 'result'; id: string; value: ReplyValues[keyof ReplyValues] }
	| { kind: 'error'; id: string; error: SerializedError }
	| { kind: 'progress'; id: string; progress: LoadProgress };

/** What both ends of the protocol need from a Worker, a MessagePort or `self` in a worker. */
export interface MessageEndpoint {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function isEngineRequest(x: unknown): x is EngineRequest {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && ['load', 'complete', 'unload', 'info', 'abort'].includes(String(m.kind));
}

export function isEngineReply(x: unknown): x is EngineReply {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && ['result', 'error', 'progress'].includes(String(m.kind));
}
