import { describe, expect, it } from 'vitest';
import { interpretDevice } from '../../../src/lib/device/interpret';
import { discrete, facts, swiftshader } from './fixtures';

const codes = (f: ReturnType<typeof facts>) => interpretDevice(f).notes.map((n) => n.code);

describe('interpretDevice', () => {
	it('interpretDevice(hardware adapter with shader-f16) offers q4f16 and WebLLM by default', () => {
		const p = interpretDevice(facts());
		expect(p.quantization).toBe('q4f16');
		expect(p.defaultEngine).toBe('webllm');
		expect(p.softwareAdapter).toBe(false);
		expect(p.adapterLabel).toBe('nvidia · ampere');
		expect(codes(facts())).not.toContain('no-shader-f16');
	});
	it('interpretDevice(SwiftShader) offers q4f32, flags a software adapter and defaults to WASM', () => {
		const f = facts({ webgpu: { status: 'ok', adapter: swiftshader } });
		const p = interpretDevice(f);
		expect(p.quantization).toBe('q4f32');
		expect(p.shaderF16).toBe(false);
		expect(p.softwareAdapter).toBe(true);
		expect(p.defaultEngine).toBe('wllama');
		expect(p.adapterLabel).toBe('google · swiftshader (software)');
		expect(codes(f)).toEqual(expect.arrayContaining(['software-adapter', 'no-shader-f16']));
	});
	it('interpretDevice(no navigator.gpu) has no quantization, picks wllama and says why', () => {
		const f = facts({ webgpu: { status: 'missing', reason: 'This browser has no WebGPU (navigator.gpu is missing).' } });
		const p = interpretDevice(f);
		expect(p.webgpu).toBe(false);
		expect(p.quantization).toBeUndefined();
		expect(p.defaultEngine).toBe('wllama');
		expect(p.adapterLabel).toBe('none');
		const note = p.notes.find((n) => n.code === 'no-webgpu');
		expect(note?.level).toBe('error');
		expect(note?.text).toMatch(/navigator\.gpu is missing.*WASM engine/);
	});
	it('interpretDevice(isFallbackAdapter) counts as software even without a known name', () => {
		const f = facts({ webgpu: { status: 'ok', adapter: { ...discrete, isFallbackAdapter: true } } });
		expect(interpretDevice(f).softwareAdapter).toBe(true);
	});
	it('interpretDevice uses threads only when cross-origin isolated', () => {
		expect(interpretDevice(facts()).wasmThreads).toBe(1);
		expect(codes(facts())).toContain('not-isolated');
		expect(interpretDevice(facts({ crossOriginIsolated: true, hardwareConcurrency: 4 })).wasmThreads).toBe(4);
		expect(interpretDevice(facts({ crossOriginIsolated: true, hardwareConcurrency: 32 })).wasmThreads).toBe(8);
	});
	it('interpretDevice warns about little free storage and non-persistent storage', () => {
		const f = facts({ storage: { api: true, usage: 9.5e9, quota: 10e9, persisted: false } });
		const p = interpretDevice(f);
		expect(p.freeStorageBytes).toBe(0.5e9);
		expect(p.notes.find((n) => n.code === 'low-storage')?.text).toContain('500 MB');
		expect(codes(f)).toContain('not-persisted');
	});
	it('interpretDevice leaves free storage unknown (not 0) when the browser does not tell', () => {
		const p = interpretDevice(facts({ storage: { api: false } }));
		expect(p.freeStorageBytes).toBeUndefined();
		expect(p.notes.map((n) => n.code)).toContain('no-storage-api');
	});
});
