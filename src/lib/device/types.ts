// Plain data describing what this browser can do. probe.ts gathers it (side effects);
// interpret.ts turns it into decisions and words (pure, tested in Node).

export interface AdapterFacts {
	vendor: string;
	architecture: string;
	device: string;
	description: string;
	/** True for software or otherwise degraded adapters (e.g. SwiftShader). */
	isFallbackAdapter: boolean;
	features: string[];
	maxStorageBufferBindingSize: number;
	maxBufferSize: number;
	maxComputeWorkgroupStorageSize: number;
}

export type WebGpuState =
	| { status: 'missing'; reason: string }
	| { status: 'no-adapter'; reason: string }
	| { status: 'ok'; adapter: AdapterFacts };

export interface StorageFacts {
	/** False when navigator.storage (StorageManager) is absent, e.g. not a secure context. */
	api: boolean;
	usage?: number;
	quota?: number;
	persisted?: boolean;
}

export interface DeviceFacts {
	secureContext: boolean;
	crossOriginIsolated: boolean;
	/** Logical processors, when the browser tells. */
	hardwareConcurrency?: number;
	/** navigator.deviceMemory in GiB (Chromium only; rounded and capped at 8 for privacy). */
	deviceMemoryGiB?: number;
	webgpu: WebGpuState;
	storage: StorageFacts;
	userAgent: string;
}
