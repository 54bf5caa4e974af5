// Messages the WebLLM worker answers besides the engine protocol (../protocol.ts): the prebuilt
// model list and the model cache. Same shape: ids from crypto.randomUUID(), replies result|error.
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { SerializedError } from '../errors';
import type { CachedModel } from './modelCache';

export type CacheRequest =
	| { kind: 'webllm-models'; id: string }
	| { kind: 'webllm-cache-status'; id: string; sources: string[] }
	| { kind: 'webllm-cache-delete'; id: string; source: string };

export interface CacheReplyValues {
	'webllm-models': { version: string; models: ModelRecord[] };
	'webllm-cache-status': CachedModel[];
	'webllm-cache-delete': null;
}

export type CacheReply =
	| { kind: 'webllm-result'; id: string; value: CacheReplyValues[keyof CacheReplyValues] }
	| { kind: 'webllm-error'; id: string; error: SerializedError };

const KINDS = ['webllm-models', 'webllm-cache-status', 'webllm-cache-delete'];

export function isCacheRequest(x: unknown): x is CacheRequest {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && KINDS.includes(String(m.kind));
}

export function isCacheReply(x: unknown): x is CacheReply {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && (m.kind === 'webllm-result' || m.kind === 'webllm-error');
}
