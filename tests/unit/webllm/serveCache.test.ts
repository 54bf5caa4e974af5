// The WebLLM worker's cache messages over a real MessageChannel, with the cache functions given
// as parameters (the real ones need the browser's Cache API; the e2e tests cover those).
import { afterEach, describe, expect, it } from 'vitest';
import { prebuiltAppConfig, type AppConfig } from '@mlc-ai/web-llm';
import { serveCache } from '../../../src/lib/engines/webllm/serveCache';
import { customSource } from '../../../src/lib/engines/webllm/catalogue';
import type { CacheReply, CacheRequest } from '../../../src/lib/engines/webllm/cacheProtocol';
import type { MessageEndpoint } from '../../../src/lib/engines/protocol';

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function setup(calls: string[]) {
	const channel = new MessageChannel();
	channels.push(channel);
	channel.port1.start();
	channel.port2.start();
	serveCache(channel.port1 as unknown as MessageEndpoint, {
		appConfig: prebuiltAppConfig,
		version: '0.2.86',
		status: async (ids: string[], cfg: AppConfig) => {
			calls.push(`status ${ids.join(',')} ${cfg.model_list[0]?.model_id}`);
			return ids.map((modelId) => ({ modelId, state: 'partial' as const, bytes: 10 }));
		},
		remove: async (id: string) => {
			if (id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC') throw new DOMException('full', 'QuotaExceededError');
			calls.push(`remove ${id}`);
		}
	});
	return (req: CacheRequest) =>
		new Promise<CacheReply>((resolve) => {
			channel.port2.onmessage = (e: MessageEvent<CacheReply>) => resolve(e.data);
			channel.port2.postMessage(req);
		});
}

describe('serveCache', () => {
	it('serveCache answers webllm-models with the version and the prebuilt list', async () => {
		const reply = await setup([])({ kind: 'webllm-models', id: 'a' });
		expect(reply.kind).toBe('webllm-result');
		expect((reply as { value: { version: string; models: unknown[] } }).value.version).toBe('0.2.86');
		expect((reply as { value: { models: unknown[] } }).value.models.length).toBe(prebuiltAppConfig.model_list.length);
	});
	it('serveCache resolves custom sources to their own AppConfig for the status call', async () => {
		const calls: string[] = [];
		const send = setup(calls);
		const source = customSource('https://h/me/Foo-q4f32_1-MLC', 'https://h/Foo.wasm');
		const reply = await send({ kind: 'webllm-cache-status', id: 'b', sources: ['Llama-3.2-1B-Instruct-q4f32_1-MLC', source] });
		expect(reply).toEqual({
			kind: 'webllm-result',
			id: 'b',
			value: [
				{ modelId: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', state: 'partial', bytes: 10 },
				{ modelId: 'Foo-q4f32_1-MLC', state: 'partial', bytes: 10 }
			]
		});
		expect(calls[1]).toBe('status Foo-q4f32_1-MLC Foo-q4f32_1-MLC');
	});
	it('serveCache sends a failure as a serialised engine error, keeping its code', async () => {
		const reply = await setup([])({ kind: 'webllm-cache-delete', id: 'c', source: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' });
		expect(reply).toMatchObject({ kind: 'webllm-error', id: 'c', error: { name: 'QuotaError', code: 'quota-exceeded' } });
		const bad = await setup([])({ kind: 'webllm-cache-delete', id: 'd', source: 'Nope' });
		expect(bad).toMatchObject({ kind: 'webllm-error', error: { code: 'model-load' } });
	});
});
