import { describe, expect, it } from 'vitest';
import { contextOptions, EXACT_CACHE_MAX_BYTES } from '../../../src/lib/engines/wllama/contextOptions';

describe('contextOptions', () => {
	it('contextOptions gives small models an F32 cache without flash attention, and leaves large ones to llama.cpp', () => {
		const small = contextOptions({ modelBytes: 480_480, nCtx: 4096, threads: 1, gpu: false });
		expect(small).toEqual({ n_ctx: 4096, n_threads: 1, n_gpu_layers: 0, cache_type_k: 'f32', cache_type_v: 'f32', flash_attn: false });
		const large = contextOptions({ modelBytes: EXACT_CACHE_MAX_BYTES + 1, nCtx: 2048, threads: 4, gpu: true });
		expect(large).toEqual({ n_ctx: 2048, n_threads: 4, n_gpu_layers: 999 });
	});
});
