// Pure reading of the probe's facts: which engine and quantisation to default to, and what to
// tell the user. No DOM here: it runs under Node in the unit tests.
import type { DeviceFacts } from './types';
import { formatBytes } from './format';

export type NoteLevel = 'info' | 'warn' | 'error';
export interface DeviceNote {
	level: NoteLevel;
	code:
		| 'no-webgpu'
		| 'software-adapter'
		| 'no-shader-f16'
		| 'not-isolated'
		| 'not-persisted'
		| 'low-storage'
		| 'no-storage-api'
		| 'insecure-context';
	text: string;
}

export interface DeviceProfile {
	webgpu: boolean;
	shaderF16: boolean;
	/** WebLLM weight format to offer; undefined when WebLLM cannot run at all. */
	quantization: 'q4f16' | 'q4f32' | undefined;
	defaultEngine: 'webllm' | 'wllama';
	/** A CPU-emulated adapter (SwiftShader, or one the browser flags as fallback). */
	softwareAdapter: boolean;
	/** e.g. "google · swiftshader (software)"; "none" without an adapter. */
	adapterLabel: string;
	/** Threads the WASM engine may use: >1 only when the page is cross-origin isolated. */
	wasmThreads: number;
	/** Bytes this site may still store, when the browser tells. */
	freeStorageBytes: number | undefined;
	notes: DeviceNote[];
}

const LOW_STORAGE_BYTES = 2e9;

export function interpretDevice(facts: DeviceFacts): DeviceProfile {
	const notes: DeviceNote[] = [];
	const gpu = facts.webgpu;
	const adapter = gpu.status === 'ok' ? gpu.adapter : undefined;
	const shaderF16 = adapter?.features.includes('shader-f16') ?? false;
	const softwareAdapter =
		adapter !== undefined &&
		(adapter.isFallbackAdapter || /swiftshader|llvmpipe|software|basic render/i.test(
			`${adapter.architecture} ${adapter.device} ${adapter.description}`
		));

	if (!facts.secureContext) {
		notes.push({
			level: 'error',
			code: 'insecure-context',
			text: 'This page is not a secure context: open it over https:// (or http://localhost) for WebGPU and storage.'
		});
	}
	if (gpu.status !== 'ok') {
		notes.push({
			level: 'error',
			code: 'no-webgpu',
			text: `${gpu.reason} WebLLM models cannot run here; use the WASM engine (wllama), which runs GGUF models on the CPU.`
		});
	} else {
		if (softwareAdapter) {
			notes.push({
				level: 'warn',
				code: 'software-adapter',
				text: 'Your WebGPU adapter is a software renderer: WebLLM models would run on the CPU, very slowly. Prefer the WASM engine for small GGUF models, or a browser with hardware WebGPU.'
			});
		}
		if (!shaderF16) {
			notes.push({
				level: 'info',
				code: 'no-shader-f16',
				text: 'The adapter lacks shader-f16, so WebLLM q4f32 variants are offered (about 10-40% larger than q4f16).'
			});
		}
	}
	const threads = facts.hardwareConcurrency ?? 1;
	if (!facts.crossOriginIsolated) {
		notes.push({
			level: 'info',
			code: 'not-isolated',
			text: 'The page is not cross-origin isolated, so the WASM engine uses one thread. Serving it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp enables multi-threading.'
		});
	}
	const st = facts.storage;
	const free =
		st.quota !== undefined && st.usage !== undefined ? Math.max(0, st.quota - st.usage) : undefined;
	if (!st.api) {
		notes.push({
			level: 'warn',
			code: 'no-storage-api',
			text: 'The browser does not report storage (navigator.storage is missing): downloads may fail when space runs out.'
		});
	} else {
		if (free !== undefined && free < LOW_STORAGE_BYTES) {
			notes.push({
				level: 'warn',
				code: 'low-storage',
				text: `Only ${formatBytes(free)} of storage is left for this site: larger models will not fit. Delete cached models or free disk space.`
			});
		}
		if (st.persisted === false) {
			notes.push({
				level: 'info',
				code: 'not-persisted',
				text: 'Storage is not persistent: the browser may evict cached models when space is short. Ask for persistent storage to keep them.'
			});
		}
	}
	return {
		webgpu: gpu.status === 'ok',
		shaderF16,
		quantization: gpu.status === 'ok' ? (shaderF16 ? 'q4f16' : 'q4f32') : undefined,
		defaultEngine: gpu.status === 'ok' && !softwareAdapter ? 'webllm' : 'wllama',
		softwareAdapter,
		adapterLabel: adapter
			? `${[adapter.vendor, adapter.architecture].filter(Boolean).join(' · ') || 'unnamed adapter'}${softwareAdapter ? ' (software)' : ''}`
			: 'none',
		wasmThreads: facts.crossOriginIsolated ? Math.max(1, Math.min(threads, 8)) : 1,
		freeStorageBytes: free,
		notes
	};
}
