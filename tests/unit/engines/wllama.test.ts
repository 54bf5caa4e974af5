import { describe, expect, it } from 'vitest';
import { huggingFaceUrl, resolveModelSource } from '../../../src/lib/engines/wllama/modelSource';
import { LogTail } from '../../../src/lib/engines/wllama/logTail';
import type { ModelRef } from '../../../src/lib/core/types';

const ref = (engine: ModelRef['engine'], source: string): ModelRef => ({ id: 'a', label: 'A', engine, source, order: 0 });

describe('modelSource', () => {
	it('huggingFaceUrl(spec) builds the resolve URL, with an optional revision', () => {
		expect(huggingFaceUrl('hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf')).toBe(
			'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf'
		);
		expect(huggingFaceUrl('owner/repo@v1.0/sub dir/m.gguf')).toBe('https://huggingface.co/owner/repo/resolve/v1.0/sub%20dir/m.gguf');
		expect(() => huggingFaceUrl('hf:owner/m.gguf')).toThrow(/owner\/repo\/file\.gguf/);
	});
	it('resolveModelSource(model, options) resolves built-in names against the base URL and prefers a given file', () => {
		expect(resolveModelSource(ref('builtin', 'm1.gguf'), { baseUrl: 'http://h/app/models/' })).toEqual({
			type: 'url',
			url: 'http://h/app/models/m1.gguf',
			cache: false
		});
		const file = new Blob(['x']);
		expect(resolveModelSource(ref('wllama', 'file:m.gguf'), { file })).toEqual({ type: 'file', file });
		expect(() => resolveModelSource(ref('wllama', 'file:m.gguf'), {})).toThrow(/choose it again/);
		expect(() => resolveModelSource(ref('wllama', 'not a url'), {})).toThrow(/is not a URL/);
		expect(() => resolveModelSource(ref('wllama', 'ftp://h/m.gguf'), {})).toThrow(/https:\/\//);
	});
});

describe('LogTail', () => {
	it('lastError() returns the last error-like line, without wllama noise', () => {
		const log = new LogTail();
		log.push('@@INFO@@', 'llama_model_loader: loaded meta data');
		log.push('@@ERROR@@ gguf_init_from_reader: invalid magic characters: \'XXXX\', expected \'GGUF\'');
		log.push('slot operator(): need to evaluate at least 1 token');
		log.push('llama_model_load_from_file_impl: loaded');
		expect(log.lastError()).toBe("gguf_init_from_reader: invalid magic characters: 'XXXX', expected 'GGUF'");
		log.clear();
		expect(log.lastError()).toBeUndefined();
	});
});

describe('LogTail causes', () => {
	it('lastError() prefers the line naming the cause over the generic failure after it', () => {
		const log = new LogTail();
		log.push("llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'foo'");
		log.push("llama_model_load_from_file_impl: failed to load model");
		log.push("srv    load_model: failed to load model, 'models/model-00001-of-00001.gguf'");
		expect(log.lastError()).toBe("unknown model architecture: 'foo'");
	});
});
