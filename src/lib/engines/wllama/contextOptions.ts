// How llama.cpp's context is set up for a model of a given size. Small models get an F32
// key/value cache and no flash attention: both otherwise round keys, values and queries to F16,
// which moves the built-in tiny models' log-probabilities by up to 3e-2 (their weights are F32 and
// their activations large for the format), while the F32 cache costs them a few megabytes at most.
import type { LoadModelParams } from '@wllama/wllama';

/** Up to this size a model is small enough that an exact F32 cache is always worth its memory. */
export const EXACT_CACHE_MAX_BYTES = 16 << 20;

export interface ContextChoice {
	modelBytes: number;
	nCtx: number;
	threads: number;
	gpu: boolean;
}

export function contextOptions({ modelBytes, nCtx, threads, gpu }: ContextChoice): LoadModelParams {
	const base: LoadModelParams = { n_ctx: nCtx, n_threads: threads, n_gpu_layers: gpu ? 999 : 0 };
	return modelBytes <= EXACT_CACHE_MAX_BYTES ? { ...base, cache_type_k: 'f32', cache_type_v: 'f32', flash_attn: false } : base;
}
