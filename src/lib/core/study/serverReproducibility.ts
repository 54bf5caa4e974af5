// What each kind of OpenAI-compatible server promises for seeded sampling, told without claiming
// more. The kind is read from what the server says about itself (GET /v1/models's `owned_by`).
import type { ServerKind } from '../types';

/** The server kind from the `owned_by` values of GET /v1/models (vLLM: "vllm", llama-server: "llamacpp", ...). */
export function serverKind(ownedBy: readonly (string | undefined)[]): ServerKind {
	const owners = ownedBy.filter((o): o is string => typeof o === 'string').map((o) => o.toLowerCase());
	if (owners.some((o) => o === 'vllm')) return 'vllm';
	if (owners.some((o) => o.includes('llamacpp') || o.includes('llama.cpp'))) return 'llama.cpp';
	if (owners.some((o) => o === 'sglang')) return 'sglang';
	if (owners.some((o) => o === 'library' || o === 'ollama')) return 'ollama';
	if (owners.some((o) => o === 'openai' || o === 'system' || o === 'openai-internal')) return 'openai';
	return 'unknown';
}

const NOTES: Record<ServerKind, string> = {
	vllm:
		'vLLM: the same seed gives the same sample only in batch-invariant mode (VLLM_BATCH_INVARIANT=1), on the same hardware and vLLM version; otherwise concurrent requests batched together can change the low bits and sometimes a token.',
	'llama.cpp':
		'llama-server: the same seed gives the same sample only with one slot (--parallel 1) and the prompt cache off (cache_prompt false); with several slots or a reused prompt the numerics, and sometimes a token, can differ.',
	ollama: 'Ollama: its prompt cache and batching can change outputs for the same seed; treat samples as not reproducible bit for bit.',
	sglang: 'SGLang: seeded sampling is reproducible only with its deterministic inference mode, on the same hardware and version; otherwise batching can change outputs.',
	openai: 'OpenAI API: the seed is best effort; the same seed and system_fingerprint usually, not always, give the same output.',
	unknown: 'Unknown server: nothing is known about what its seeds guarantee; treat samples as not reproducible bit for bit.'
};

export function reproducibilityNote(kind: ServerKind): string {
	return NOTES[kind];
}
