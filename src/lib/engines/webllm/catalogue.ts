// The WebLLM model catalogue: WebLLM's prebuilt list, cut down to the small chat models this app
// can sample many times in a browser, one variant per model chosen for the adapter. Pure: the
// model list and the adapter's shader-f16 flag come in as arguments.
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { ModelRef } from '../../core/types';

export type Quantization = 'q4f16_1' | 'q4f32_1' | 'q0f16' | 'q0f32';

export interface CatalogueFamily {
	/** Prefix of the WebLLM model_id, e.g. "Qwen2.5-Math-1.5B-Instruct". */
	family: string;
	/** Total parameters (embeddings included), for the download estimate. */
	params: number;
	/** One line on why a study might include it. */
	note: string;
}

/** The families offered, smallest first. Parameter counts are the published totals. */
export const FAMILIES: readonly CatalogueFamily[] = [
	{ family: 'SmolLM2-135M-Instruct', params: 135e6, note: 'Tiny; fast smoke tests, low accuracy.' },
	{ family: 'SmolLM2-360M-Instruct', params: 362e6, note: 'Small general chat model.' },
	{ family: 'Qwen2.5-0.5B-Instruct', params: 494e6, note: 'Instruction-tuned Qwen2.5 base.' },
	{ family: 'Qwen3-0.6B', params: 596e6, note: 'Qwen3 with optional thinking.' },
	{ family: 'Llama-3.2-1B-Instruct', params: 1.24e9, note: 'Meta instruction-tuned 1B.' },
	{ family: 'Qwen2.5-1.5B-Instruct', params: 1.54e9, note: 'General instruction tuning.' },
	{ family: 'Qwen2-Math-1.5B-Instruct', params: 1.54e9, note: 'Math post-training (Qwen2).' },
	{ family: 'Qwen2.5-Math-1.5B-Instruct', params: 1.54e9, note: 'Math post-training (Qwen2.5): compare with Qwen2.5-1.5B-Instruct.' },
	{ family: 'SmolLM2-1.7B-Instruct', params: 1.71e9, note: 'Largest SmolLM2.' },
	{ family: 'Qwen3-1.7B', params: 1.72e9, note: 'Qwen3 with optional thinking.' }
];
// DeepSeek-R1-Distill-Qwen-1.5B is commented out of WebLLM 0.2.86's prebuilt list; add it as a
// custom MLC model (model URL + model_lib) if needed.

/** Stored bits per weight: 4-bit weights plus one scale per group of 32 (f16 or f32). */
const BITS_PER_WEIGHT: Record<Quantization, number> = {
	q4f16_1: 4 + 16 / 32,
	q4f32_1: 4 + 32 / 32,
	q0f16: 16,
	q0f32: 32
};
/** Tokenizer, config and the compiled WebGPU library, roughly, on top of the weights. */
const OVERHEAD_BYTES = 12e6;

export interface CatalogueEntry {
	/** WebLLM model_id, e.g. "Qwen2.5-0.5B-Instruct-q4f32_1-MLC". */
	id: string;
	family: string;
	quantization: Quantization;
	note: string;
	/** GPU memory WebLLM says the model needs, in MB. */
	vramMB: number | undefined;
	/** Estimated download in bytes (weights + overhead); "≈" in the UI. */
	downloadBytes: number;
	bufferBytes: number | undefined;
	requiredFeatures: string[];
	contextWindow: number | undefined;
	modelUrl: string;
	modelLib: string;
	/** True for a user-supplied MLC model rather than one from the prebuilt list. */
	custom: boolean;
}

export function quantizationOf(modelId: string): Quantization | undefined {
	const m = /-(q4f16_1|q4f32_1|q0f16|q0f32)-MLC$/.exec(modelId);
	return m ? (m[1] as Quantization) : undefined;
}

/** Features a record needs: its declared ones, plus shader-f16 for any f16 weights. */
export function requiredFeaturesOf(record: Pick<ModelRecord, 'model_id' | 'required_features'>): string[] {
	const features = new Set(record.required_features ?? []);
	const q = quantizationOf(record.model_id);
	// Some prebuilt f16 records omit required_features; they still fail without shader-f16.
	if (q === 'q4f16_1' || q === 'q0f16') features.add('shader-f16');
	return [...features].sort();
}

export function estimateDownloadBytes(params: number, q: Quantization): number {
	return Math.round((params * BITS_PER_WEIGHT[q]) / 8 + OVERHEAD_BYTES);
}

function toEntry(record: ModelRecord, family: CatalogueFamily, q: Quantization): CatalogueEntry {
	return {
		id: record.model_id,
		family: family.family,
		quantization: q,
		note: family.note,
		vramMB: record.vram_required_MB,
		downloadBytes: estimateDownloadBytes(family.params, q),
		bufferBytes: record.buffer_size_required_bytes,
		requiredFeatures: requiredFeaturesOf(record),
		contextWindow: record.overrides?.context_window_size,
		modelUrl: record.model,
		modelLib: record.model_lib,
		custom: false
	};
}

/**
 * One entry per family: the 4-bit variant the adapter can run (q4f16_1 with shader-f16, else
 * q4f32_1), or the unquantised one when a family has no 4-bit build (SmolLM2-135M). Families
 * with no variant the adapter can run are left out.
 */
export function buildCatalogue(modelList: readonly ModelRecord[], shaderF16: boolean): CatalogueEntry[] {
	const byId = new Map(modelList.map((r) => [r.model_id, r]));
	const order: Quantization[] = shaderF16
		? ['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32']
		: ['q4f32_1', 'q0f32'];
	const entries: CatalogueEntry[] = [];
	for (const family of FAMILIES) {
		for (const q of order) {
			const record = byId.get(`${family.family}-${q}-MLC`);
			if (!record) continue;
			const entry = toEntry(record, family, q);
			if (!shaderF16 && entry.requiredFeatures.includes('shader-f16')) continue;
			entries.push(entry);
			break;
		}
	}
	return entries;
}

/** The ModelRef the study stores for a catalogue entry. */
export function modelRefFor(entry: CatalogueEntry, order = 0): ModelRef {
	return {
		id: entry.id,
		label: `${entry.family} (${entry.quantization}, WebLLM)`,
		engine: 'webllm',
		source: entry.custom ? customSource(entry.modelUrl, entry.modelLib) : entry.id,
		order,
		chat: true
	};
}

/** Custom models travel in ModelRef.source as "mlc:<model URL>|<model_lib URL>". */
export function customSource(modelUrl: string, modelLib: string): string {
	return `mlc:${modelUrl}|${modelLib}`;
}

export interface CustomModelSpec {
	modelUrl: string;
	modelLib: string;
	modelId: string;
}

export function parseCustomSource(source: string): CustomModelSpec | undefined {
	if (!source.startsWith('mlc:')) return undefined;
	const [modelUrl, modelLib] = source.slice(4).split('|');
	if (!modelUrl || !modelLib) return undefined;
	return { modelUrl, modelLib, modelId: customModelId(modelUrl) };
}

/** "https://huggingface.co/me/Foo-q4f32_1-MLC/resolve/main/" -> "Foo-q4f32_1-MLC". */
export function customModelId(modelUrl: string): string {
	const path = modelUrl.replace(/\/resolve\/[^/]+\/?$/, '').replace(/\/+$/, '');
	return path.slice(path.lastIndexOf('/') + 1) || path;
}

/**
 * Validate a custom MLC model: an http(s) URL of the weights folder and of the compiled
 * WebGPU library (.wasm). Returns the entry or an error naming the bad field.
 */
export function customEntry(
	modelUrl: string,
	modelLib: string,
	vramMB?: number
): { entry: CatalogueEntry } | { error: string } {
	const url = modelUrl.trim();
	const lib = modelLib.trim();
	if (!isHttpUrl(url)) return { error: 'Model URL: enter an http(s) URL of an MLC model folder (e.g. https://huggingface.co/mlc-ai/NAME-MLC).' };
	if (!isHttpUrl(lib) || !/\.wasm$/i.test(new URL(lib).pathname)) {
		return { error: 'Model library URL: enter an http(s) URL ending in .wasm (the compiled WebGPU library for this model).' };
	}
	if (vramMB !== undefined && !(Number.isFinite(vramMB) && vramMB > 0)) {
		return { error: 'VRAM (MB): enter a positive number or leave it empty.' };
	}
	const id = customModelId(url);
	const q = quantizationOf(id);
	return {
		entry: {
			id,
			family: id.replace(/-(q4f16_1|q4f32_1|q0f16|q0f32)-MLC$/, ''),
			quantization: q ?? 'q4f32_1',
			note: 'Custom MLC model.',
			vramMB,
			downloadBytes: 0,
			bufferBytes: undefined,
			requiredFeatures: requiredFeaturesOf({ model_id: id }),
			contextWindow: undefined,
			modelUrl: url,
			modelLib: lib,
			custom: true
		}
	};
}

function isHttpUrl(s: string): boolean {
	try {
		const u = new URL(s);
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}
