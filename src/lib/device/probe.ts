// The capability probe: the only side-effecting part of src/lib/device. It asks the browser what
// it has and returns plain data (types.ts); interpretDevice() decides what that means.
import type { AdapterFacts, DeviceFacts, StorageFacts, WebGpuState } from './types';

// TypeScript's DOM library has no WebGPU types yet: describe only what the probe reads.
interface GpuAdapterLike {
	features: Iterable<string>;
	limits: { maxStorageBufferBindingSize: number; maxBufferSize: number; maxComputeWorkgroupStorageSize: number };
	info?: AdapterInfoLike;
	isFallbackAdapter?: boolean;
}
interface GpuLike {
	requestAdapter(): Promise<GpuAdapterLike | null>;
}
type NavigatorWithExtras = Navigator & { gpu?: GpuLike; deviceMemory?: number };

interface AdapterInfoLike {
	vendor?: string;
	architecture?: string;
	device?: string;
	description?: string;
	isFallbackAdapter?: boolean;
}

/** Probe this browser. Never throws: every failure becomes a fact with a reason. */
export async function probeDevice(): Promise<DeviceFacts> {
	const nav = globalThis.navigator as NavigatorWithExtras | undefined;
	const [webgpu, storage] = await Promise.all([probeWebGpu(), probeStorage()]);
	return {
		secureContext: globalThis.isSecureContext === true,
		crossOriginIsolated: globalThis.crossOriginIsolated === true,
		hardwareConcurrency: nav?.hardwareConcurrency || undefined,
		deviceMemoryGiB: typeof nav?.deviceMemory === 'number' ? nav.deviceMemory : undefined,
		webgpu,
		storage,
		userAgent: nav?.userAgent ?? ''
	};
}

export async function probeWebGpu(): Promise<WebGpuState> {
	const gpu = (globalThis.navigator as NavigatorWithExtras | undefined)?.gpu;
	if (!gpu) {
		return {
			status: 'missing',
			reason: globalThis.isSecureContext
				? 'This browser has no WebGPU (navigator.gpu is missing).'
				: 'WebGPU needs a secure context (https:// or http://localhost); this page is not one.'
		};
	}
	try {
		const adapter = await gpu.requestAdapter();
		if (!adapter) {
			return {
				status: 'no-adapter',
				reason: 'WebGPU is present but no GPU adapter was found (it may be disabled or blocklisted).'
			};
		}
		return { status: 'ok', adapter: describeAdapter(adapter) };
	} catch (e) {
		return { status: 'no-adapter', reason: `Requesting a WebGPU adapter failed: ${String(e)}` };
	}
}

function describeAdapter(a: GpuAdapterLike): AdapterFacts {
	// adapter.info is the current API; isFallbackAdapter moved there from the adapter itself.
	const info: AdapterInfoLike = a.info ?? {};
	return {
		vendor: info.vendor ?? '',
		architecture: info.architecture ?? '',
		device: info.device ?? '',
		description: info.description ?? '',
		isFallbackAdapter: info.isFallbackAdapter ?? a.isFallbackAdapter ?? false,
		features: [...a.features].map(String).sort(),
		maxStorageBufferBindingSize: a.limits.maxStorageBufferBindingSize,
		maxBufferSize: a.limits.maxBufferSize,
		maxComputeWorkgroupStorageSize: a.limits.maxComputeWorkgroupStorageSize
	};
}

export async function probeStorage(): Promise<StorageFacts> {
	const storage = (globalThis.navigator as Navigator | undefined)?.storage;
	if (!storage?.estimate) return { api: false };
	const facts: StorageFacts = { api: true };
	try {
		const { usage, quota } = await storage.estimate();
		facts.usage = usage;
		facts.quota = quota;
	} catch {
		// Leave usage/quota unknown: the panel says so.
	}
	try {
		facts.persisted = storage.persisted ? await storage.persisted() : undefined;
	} catch {
		facts.persisted = undefined;
	}
	return facts;
}

/** Ask the browser to keep our cached models under storage pressure. Returns the new state. */
export async function requestPersistentStorage(): Promise<boolean> {
	const storage = (globalThis.navigator as Navigator | undefined)?.storage;
	if (!storage?.persist) return false;
	try {
		return await storage.persist();
	} catch {
		return false;
	}
}
