import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import {
	buildCatalogue,
	customEntry,
	customModelId,
	estimateDownloadBytes,
	modelRefFor,
	parseCustomSource,
	quantizationOf,
	requiredFeaturesOf
} from '../../../src/lib/engines/webllm/catalogue';

const list = prebuiltAppConfig.model_list;

describe('catalogue', () => {
	it('buildCatalogue(list, false) offers only q4f32/q0f32 variants, none needing shader-f16', () => {
		const c = buildCatalogue(list, false);
		expect(c.length).toBeGreaterThanOrEqual(8);
		for (const e of c) {
			expect(['q4f32_1', 'q0f32']).toContain(e.quantization);
			expect(e.requiredFeatures).not.toContain('shader-f16');
			expect(e.id.endsWith(`-${e.quantization}-MLC`)).toBe(true);
		}
		expect(c.map((e) => e.id)).toEqual(
			expect.arrayContaining([
				'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
				'Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC',
				'Llama-3.2-1B-Instruct-q4f32_1-MLC',
				'SmolLM2-135M-Instruct-q0f32-MLC'
			])
		);
	});
	it('buildCatalogue(list, true) prefers q4f16_1 and keeps one entry per family', () => {
		const c = buildCatalogue(list, true);
		const families = c.map((e) => e.family);
		expect(new Set(families).size).toBe(families.length);
		expect(c.find((e) => e.family === 'Qwen2.5-1.5B-Instruct')?.id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
		expect(c.find((e) => e.family === 'SmolLM2-135M-Instruct')?.quantization).toBe('q0f16');
	});
	it('buildCatalogue copies vram_required_MB and the model URLs from the prebuilt record', () => {
		const e = buildCatalogue(list, false).find((x) => x.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
		const r = list.find((x) => x.model_id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
		expect(e?.vramMB).toBe(r?.vram_required_MB);
		expect(e?.modelUrl).toBe(r?.model);
		expect(e?.modelLib).toBe(r?.model_lib);
		expect(e?.contextWindow).toBe(4096);
	});
	it('buildCatalogue leaves out every model outside the small-model families (no 7B/8B)', () => {
		for (const e of buildCatalogue(list, true)) expect(e.id).not.toMatch(/-(3B|4B|7B|8B|9B|70B)-/);
	});
	it('requiredFeaturesOf adds shader-f16 to f16 records that do not declare it', () => {
		const rec = list.find((r) => r.model_id === 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
		expect(rec?.required_features).toBeUndefined();
		expect(requiredFeaturesOf(rec!)).toEqual(['shader-f16']);
		expect(requiredFeaturesOf({ model_id: 'X-q4f32_1-MLC' })).toEqual([]);
	});
	it('quantizationOf(id) reads the suffix, undefined for others', () => {
		expect(quantizationOf('Qwen2.5-0.5B-Instruct-q4f32_1-MLC')).toBe('q4f32_1');
		expect(quantizationOf('Phi-3.5-mini-instruct-q4f16_1-MLC-1k')).toBeUndefined();
	});
	it('estimateDownloadBytes(494e6, q4f16_1) is about 290 MB; q4f32_1 is larger', () => {
		const f16 = estimateDownloadBytes(494e6, 'q4f16_1');
		expect(f16).toBeGreaterThan(280e6);
		expect(f16).toBeLessThan(300e6);
		expect(estimateDownloadBytes(494e6, 'q4f32_1')).toBeGreaterThan(f16);
	});
	it('modelRefFor(entry) names engine webllm and the prebuilt id as source', () => {
		const e = buildCatalogue(list, false)[0]!;
		expect(modelRefFor(e, 2)).toMatchObject({ id: e.id, engine: 'webllm', source: e.id, order: 2, chat: true });
	});
	it('customEntry validates each field and round-trips through the ModelRef source', () => {
		expect(customEntry('ftp://x', 'https://x/lib.wasm')).toEqual({ error: expect.stringMatching(/^Model URL:/) });
		expect(customEntry('https://huggingface.co/me/Foo-q4f32_1-MLC', 'https://x/lib.js')).toEqual({
			error: expect.stringMatching(/^Model library URL:/)
		});
		expect(customEntry('https://h/me/Foo-MLC', 'https://x/lib.wasm', -3)).toEqual({ error: expect.stringMatching(/^VRAM/) });
		const r = customEntry(' https://huggingface.co/me/Foo-q4f16_1-MLC ', 'https://h/Foo-webgpu.wasm', 900);
		if (!('entry' in r)) throw new Error(r.error);
		expect(r.entry).toMatchObject({ id: 'Foo-q4f16_1-MLC', quantization: 'q4f16_1', requiredFeatures: ['shader-f16'], vramMB: 900, custom: true });
		const ref = modelRefFor(r.entry);
		expect(parseCustomSource(ref.source)).toEqual({
			modelUrl: 'https://huggingface.co/me/Foo-q4f16_1-MLC',
			modelLib: 'https://h/Foo-webgpu.wasm',
			modelId: 'Foo-q4f16_1-MLC'
		});
	});
	it('customModelId strips /resolve/<branch>/ and trailing slashes', () => {
		expect(customModelId('https://huggingface.co/me/Foo-MLC/resolve/main/')).toBe('Foo-MLC');
		expect(customModelId('https://huggingface.co/me/Foo-MLC/')).toBe('Foo-MLC');
	});
});
