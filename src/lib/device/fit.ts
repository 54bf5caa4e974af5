// Will this model fit? Checked before anything downloads, from the model's published needs and
// the probe's facts. "refuse" blocks the download; "warn" lets the user go on, told.
import type { DeviceFacts } from './types';
import { formatBytes, formatMegabytes } from './format';

export interface ModelNeeds {
	label: string;
	/** GPU memory the model needs, in MB (WebLLM's vram_required_MB). */
	vramMB?: number;
	/** Largest single GPU buffer the model allocates (WebLLM's buffer_size_required_bytes). */
	bufferBytes?: number;
	/** WebGPU features the model needs, e.g. ['shader-f16']. */
	requiredFeatures?: string[];
	/** Bytes still to download (0 or undefined when cached). */
	downloadBytes?: number;
}

export interface FitIssue {
	severity: 'refuse' | 'warn';
	code: 'no-webgpu' | 'feature' | 'buffer' | 'memory' | 'storage';
	message: string;
}

export interface Fit {
	ok: boolean;
	issues: FitIssue[];
}

/** Chromium caps navigator.deviceMemory at 8 GiB, so at 8 the real memory may be larger. */
const DEVICE_MEMORY_CAP_GIB = 8;
const WARN_MEMORY_SHARE = 0.6;
const WARN_STORAGE_SHARE = 0.8;

export function checkFit(needs: ModelNeeds, facts: DeviceFacts): Fit {
	const issues: FitIssue[] = [];
	const gpu = facts.webgpu;
	if (gpu.status !== 'ok') {
		issues.push({
			severity: 'refuse',
			code: 'no-webgpu',
			message: `${needs.label} needs WebGPU, which is not available here. Use the WASM engine (wllama) with a GGUF model instead.`
		});
	} else {
		const adapter = gpu.adapter;
		const name = [adapter.vendor, adapter.architecture].filter(Boolean).join(' ') || 'this adapter';
		for (const feature of needs.requiredFeatures ?? []) {
			if (!adapter.features.includes(feature)) {
				issues.push({
					severity: 'refuse',
					code: 'feature',
					message: `${needs.label} needs the WebGPU feature ${feature}, which ${name} lacks. Choose the q4f32 variant of this model.`
				});
			}
		}
		if (needs.bufferBytes !== undefined && needs.bufferBytes > adapter.maxStorageBufferBindingSize) {
			issues.push({
				severity: 'refuse',
				code: 'buffer',
				message: `${needs.label} needs GPU buffers of ${formatBytes(needs.bufferBytes)}, but ${name} allows at most ${formatBytes(adapter.maxStorageBufferBindingSize)} per buffer (maxStorageBufferBindingSize).`
			});
		}
	}
	const memGiB = facts.deviceMemoryGiB;
	if (needs.vramMB !== undefined && memGiB !== undefined && memGiB > 0) {
		const budgetMB = memGiB * 1024;
		const capped = memGiB >= DEVICE_MEMORY_CAP_GIB;
		const words = `${needs.label} needs about ${formatMegabytes(needs.vramMB)} of GPU memory; this device reports ${memGiB} GB of memory${capped ? ' or more' : ''}`;
		if (needs.vramMB > budgetMB && !capped) {
			issues.push({ severity: 'refuse', code: 'memory', message: `${words}. Choose a smaller model.` });
		} else if (needs.vramMB > budgetMB * WARN_MEMORY_SHARE) {
			issues.push({
				severity: 'warn',
				code: 'memory',
				message: `${words}: it may not fit alongside other tabs. Close other GPU-heavy pages first.`
			});
		}
	}
	const st = facts.storage;
	if (needs.downloadBytes && st.quota !== undefined && st.usage !== undefined) {
		const free = Math.max(0, st.quota - st.usage);
		const words = `${needs.label} needs about ${formatBytes(needs.downloadBytes)} of storage; this site may store ${formatBytes(free)} more (quota ${formatBytes(st.quota)}, used ${formatBytes(st.usage)})`;
		if (needs.downloadBytes > free) {
			issues.push({
				severity: 'refuse',
				code: 'storage',
				message: `${words}. Delete cached models or free disk space, then try again.`
			});
		} else if (needs.downloadBytes > free * WARN_STORAGE_SHARE) {
			issues.push({ severity: 'warn', code: 'storage', message: `${words}: space will be tight.` });
		}
	}
	return { ok: !issues.some((i) => i.severity === 'refuse'), issues };
}
