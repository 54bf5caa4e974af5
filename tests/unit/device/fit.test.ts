import { describe, expect, it } from 'vitest';
import { checkFit } from '../../../src/lib/device/fit';
import { facts, swiftshader } from './fixtures';

const onSwiftshader = facts({ webgpu: { status: 'ok', adapter: swiftshader } });

describe('checkFit', () => {
	it('checkFit(small model, roomy device) is ok with no issues', () => {
		expect(checkFit({ label: 'M', vramMB: 1060, downloadBytes: 3e8 }, facts())).toEqual({ ok: true, issues: [] });
	});
	it('checkFit refuses a shader-f16 model on an adapter without it, naming the adapter', () => {
		const fit = checkFit({ label: 'Qwen', requiredFeatures: ['shader-f16'] }, onSwiftshader);
		expect(fit.ok).toBe(false);
		expect(fit.issues[0]?.code).toBe('feature');
		expect(fit.issues[0]?.message).toContain('google swiftshader lacks');
	});
	it('checkFit refuses a buffer larger than maxStorageBufferBindingSize, with both numbers', () => {
		const fit = checkFit({ label: 'Big', bufferBytes: 2e9 }, onSwiftshader);
		expect(fit.ok).toBe(false);
		expect(fit.issues[0]?.message).toMatch(/2 GB.*1\.1 GB per buffer/);
	});
	it('checkFit refuses a model needing more GPU memory than the device reports', () => {
		const fit = checkFit({ label: 'Qwen2.5-0.5B', vramMB: 1060.2 }, facts({ deviceMemoryGiB: 0.5 }));
		expect(fit.ok).toBe(false);
		expect(fit.issues[0]).toMatchObject({ severity: 'refuse', code: 'memory' });
		expect(fit.issues[0]?.message).toContain('needs about 1,060 MB of GPU memory; this device reports 0.5 GB of memory');
	});
	it('checkFit only warns at the 8 GB deviceMemory cap (real memory may be larger)', () => {
		const fit = checkFit({ label: 'Huge', vramMB: 9000 }, facts({ deviceMemoryGiB: 8 }));
		expect(fit.ok).toBe(true);
		expect(fit.issues[0]).toMatchObject({ severity: 'warn', code: 'memory' });
	});
	it('checkFit refuses a download larger than the free quota, with quota and usage', () => {
		const fit = checkFit({ label: 'M', downloadBytes: 2e9 }, facts({ storage: { api: true, usage: 9e9, quota: 10e9 } }));
		expect(fit.ok).toBe(false);
		expect(fit.issues[0]?.message).toBe(
			'M needs about 2 GB of storage; this site may store 1 GB more (quota 10 GB, used 9 GB). Delete cached models or free disk space, then try again.'
		);
	});
	it('checkFit skips the storage check for a cached model (nothing to download)', () => {
		const fit = checkFit({ label: 'M', downloadBytes: 0 }, facts({ storage: { api: true, usage: 10e9, quota: 10e9 } }));
		expect(fit.ok).toBe(true);
	});
	it('checkFit refuses everything without WebGPU and points to the WASM engine', () => {
		const fit = checkFit({ label: 'M' }, facts({ webgpu: { status: 'missing', reason: 'x' } }));
		expect(fit.ok).toBe(false);
		expect(fit.issues[0]?.message).toContain('WASM engine');
	});
});
