import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { resolveTarget } from '../../../src/lib/engines/webllm/target';
import { customSource } from '../../../src/lib/engines/webllm/catalogue';

describe('resolveTarget', () => {
	it('resolveTarget(prebuilt id) uses the prebuilt config and names the host', () => {
		const t = resolveTarget({ source: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' }, prebuiltAppConfig);
		expect(t.modelId).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
		expect(t.appConfig).toBe(prebuiltAppConfig);
		expect(t.host).toBe('huggingface.co and raw.githubusercontent.com');
	});
	it('resolveTarget(custom source) puts the custom record first and keeps the prebuilt ones', () => {
		const source = customSource('https://example.org/me/Foo-q4f32_1-MLC', 'https://example.org/Foo.wasm');
		const t = resolveTarget({ source }, prebuiltAppConfig);
		expect(t.modelId).toBe('Foo-q4f32_1-MLC');
		expect(t.appConfig.model_list[0]).toEqual({ model: 'https://example.org/me/Foo-q4f32_1-MLC', model_id: 'Foo-q4f32_1-MLC', model_lib: 'https://example.org/Foo.wasm' });
		expect(t.appConfig.model_list).toHaveLength(prebuiltAppConfig.model_list.length + 1);
		expect(t.host).toBe('example.org');
	});
	it('resolveTarget(unknown id) throws a ModelLoadError that says what to do', () => {
		expect(() => resolveTarget({ source: 'Nope' }, prebuiltAppConfig)).toThrow(/not a WebLLM prebuilt model\. Pick one from the catalogue/);
	});
});
