import { describe, expect, it } from 'vitest';
import { classifyWebllmError } from '../../../src/lib/engines/webllm/classifyError';
import { isEngineError } from '../../../src/lib/engines/errors';

const ctx = { model: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', host: 'huggingface.co', online: true };
function named(name: string, message: string): Error {
	const e = new Error(message);
	e.name = name;
	return e;
}

describe('classifyWebllmError', () => {
	it('classifyWebllmError(TypeError "Failed to fetch") is an offline DownloadError naming host and model', () => {
		const e = classifyWebllmError(new TypeError('Failed to fetch'), ctx);
		expect(isEngineError(e, 'offline')).toBe(true);
		expect(e.name).toBe('DownloadError');
		expect(e.message).toContain('Could not reach huggingface.co to download Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
	});
	it('classifyWebllmError says "You are offline" when navigator.onLine is false', () => {
		expect(classifyWebllmError(new TypeError('Failed to fetch'), { ...ctx, online: false }).message).toMatch(/^You are offline/);
	});
	it('classifyWebllmError(Cache.add failure with a status) is a network DownloadError', () => {
		const e = classifyWebllmError(new TypeError("Failed to execute 'add' on 'Cache': Request failed"), ctx);
		expect(isEngineError(e, 'network')).toBe(true);
	});
	it('classifyWebllmError maps quota, device loss, shader-f16 and WebGPU errors to their codes', () => {
		expect(classifyWebllmError(new DOMException('full', 'QuotaExceededError'), ctx).code).toBe('quota-exceeded');
		expect(classifyWebllmError(named('DeviceLostError', 'The WebGPU device was lost'), ctx).code).toBe('device-lost');
		expect(classifyWebllmError(named('ShaderF16SupportError', 'This model requires WebGPU extension shader-f16'), ctx).code).toBe('unsupported');
		expect(classifyWebllmError(named('WebGPUNotAvailableError', 'WebGPU is not supported in your current environment'), ctx).code).toBe('no-webgpu');
	});
	it('classifyWebllmError(AbortError) is an AbortedError; anything else a ModelLoadError with the cause', () => {
		expect(classifyWebllmError(new DOMException('x', 'AbortError'), ctx).code).toBe('aborted');
		const e = classifyWebllmError(new Error('bad tensor'), ctx);
		expect(e.code).toBe('model-load');
		expect(e.message).toContain('bad tensor');
	});
});
