import { KERNELS_WASM } from './kernelsWasm';

/** The report's WebAssembly SIMD kernels (tools/wasm/kernelsWat.ts says what each computes). */
export interface KernelExports {
	move(target: number, rows: number, deltas: number, count: number, rowBytes: number): void;
	scaleAdd(sum: number, vectors: number, scales: number, count: number, d: number): void;
}

export const WASM_PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernels, or null where WebAssembly or its SIMD instructions are unavailable. */
function kernelModule(): WebAssembly.Module | null {
	if (compiled !== undefined) return compiled;
	compiled = null;
	try {
		if (typeof WebAssembly === 'object' && typeof atob === 'function') {
			const bytes = Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0));
			// Small enough (under 4 KB) to compile synchronously even on a page's main thread.
			if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
		}
	} catch {
		compiled = null;
	}
	return compiled;
}

/** The kernels over their own memory of `bytes` (at least), or undefined where they cannot run. */
export function instantiateKernels(bytes: number): { memory: WebAssembly.Memory; kernels: KernelExports } | undefined {
	const module = kernelModule();
	if (!module) return undefined;
	try {
		const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / WASM_PAGE)) });
		return { memory, kernels: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports };
	} catch {
		return undefined;
	}
}
