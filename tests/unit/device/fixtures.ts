import type { DeviceFacts, AdapterFacts } from '../../../src/lib/device/types';

/** The adapter headless Chromium offers here: SwiftShader, no shader-f16, 1 GiB bindings. */
export const swiftshader: AdapterFacts = {
	vendor: 'google',
	architecture: 'swiftshader',
	device: '',
	description: '',
	isFallbackAdapter: false,
	features: ['depth-clip-control', 'float32-filterable'],
	maxStorageBufferBindingSize: 1073741824,
	maxBufferSize: 1073741824,
	maxComputeWorkgroupStorageSize: 32768
};

export const discrete: AdapterFacts = {
	vendor: 'nvidia',
	architecture: 'ampere',
	device: '',
	description: '',
	isFallbackAdapter: false,
	features: ['shader-f16', 'timestamp-query'],
	maxStorageBufferBindingSize: 2147483644,
	maxBufferSize: 4294967296,
	maxComputeWorkgroupStorageSize: 32768
};

export function facts(over: Partial<DeviceFacts> = {}): DeviceFacts {
	return {
		secureContext: true,
		crossOriginIsolated: false,
		hardwareConcurrency: 8,
		deviceMemoryGiB: 8,
		webgpu: { status: 'ok', adapter: discrete },
		storage: { api: true, usage: 1e9, quota: 100e9, persisted: true },
		userAgent: 'test',
		...over
	};
}
