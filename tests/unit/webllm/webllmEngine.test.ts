// The adapter's own logic (retry, cleanup, seeds, abort) with a scripted MLCEngine in place of
// the GPU one: Node has no WebGPU. The real engine runs in the browser tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig, type MLCEngineConfig } from '@mlc-ai/web-llm';
import { WebllmEngine, type MlcEngineLike, type ChatRequest, type TextRequest, type WebllmDeps } from '../../../src/lib/engines/webllm/webllmEngine';
import type { ModelRef } from '../../../src/lib/core/types';
import type { LoadProgress } from '../../../src/lib/engines/types';

const model: ModelRef = { id: 'q', label: 'q', engine: 'webllm', source: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', order: 0, chat: true };

function harness(reloads: ((cfg: MLCEngineConfig) => Promise<void>)[]) {
	const log: string[] = [];
	const requests: (ChatRequest | TextRequest)[] = [];
	let n = 0;
	const deps: WebllmDeps = {
		appConfig: prebuiltAppConfig,
		version: '0.2.86',
		online: () => true,
		sleep: async (ms) => void log.push(`sleep ${ms}`),
		now: () => 0,
		deleteCached: async (id) => void log.push(`delete ${id}`),
		createEngine(cfg) {
			const reload = reloads[Math.min(n++, reloads.length - 1)]!;
			const engine: MlcEngineLike = {
				reload: async (id) => {
					log.push(`reload ${id}`);
					await reload(cfg);
				},
				unload: async () => void log.push('unload'),
				interruptGenerate: () => void log.push('interrupt'),
				chat: {
					completions: {
						create: async (req) => {
							requests.push(req);
							return { choices: [{ message: { content: `seed ${req.seed}` }, finish_reason: req.max_tokens <= 3 ? 'length' : 'stop' }], usage: { completion_tokens: 3 } };
						}
					}
				},
				completions: {
					create: async (req) => {
						requests.push(req);
						return { choices: [{ text: `raw ${req.prompt}` }], usage: { completion_tokens: 2 } };
					}
				}
			};
			return engine;
		}
	};
	return { engine: new WebllmEngine(deps), log, requests };
}

const progressThenFail = async (cfg: MLCEngineConfig) => {
	cfg.initProgressCallback?.({ progress: 0.3, timeElapsed: 1, text: 'Fetching param cache[3/10]' });
	throw new TypeError('Failed to fetch');
};
const ok = async (cfg: MLCEngineConfig) => cfg.initProgressCallback?.({ progress: 1, timeElapsed: 2, text: 'Finish loading' });

describe('WebllmEngine', () => {
	it('load() fails at once with an offline error when the first download never starts', async () => {
		const h = harness([async () => Promise.reject(new TypeError('Failed to fetch'))]);
		await expect(h.engine.load(model, () => {}, new AbortController().signal)).rejects.toMatchObject({ name: 'DownloadError', code: 'offline' });
		expect(h.log.filter((l) => l.startsWith('reload'))).toHaveLength(1);
		expect(h.log.some((l) => l.startsWith('sleep'))).toBe(false);
	});
	it('load() retries a download that broke off mid-way, then succeeds', async () => {
		const h = harness([progressThenFail, progressThenFail, ok]);
		const progress: LoadProgress[] = [];
		await h.engine.load(model, (p) => progress.push(p), new AbortController().signal);
		expect(h.log.filter((l) => l.startsWith('reload'))).toHaveLength(3);
		expect(h.log).toContain('sleep 1000');
		expect(h.log).toContain('sleep 3000');
		expect(progress.some((p) => /retrying \(1 of 3\)/.test(p.text))).toBe(true);
		expect(progress.at(-1)?.fraction).toBe(1);
	});
	it('load() gives up after 3 retries of a broken download', async () => {
		const h = harness([progressThenFail]);
		await expect(h.engine.load(model, () => {}, new AbortController().signal)).rejects.toMatchObject({ code: 'offline' });
		expect(h.log.filter((l) => l.startsWith('reload'))).toHaveLength(4);
	});
	it('load() deletes a damaged cached copy once and downloads again', async () => {
		const h = harness([async () => Promise.reject(new Error('Cannot parse tensor-cache.json')), ok]);
		await h.engine.load(model, () => {}, new AbortController().signal);
		expect(h.log).toContain('delete Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
		expect(h.log.filter((l) => l.startsWith('reload'))).toHaveLength(2);
	});
	it('load() of an unknown prebuilt id names it and says what to do', async () => {
		const h = harness([ok]);
		await expect(h.engine.load({ ...model, source: 'Nope-MLC' }, () => {}, new AbortController().signal)).rejects.toThrow(
			/"Nope-MLC" is not a WebLLM prebuilt model/
		);
	});
	it('load() aborted while loading rejects with AbortedError and unloads', async () => {
		const ctrl = new AbortController();
		const h = harness([async () => ctrl.abort()]);
		await expect(h.engine.load(model, () => {}, ctrl.signal)).rejects.toMatchObject({ name: 'AbortedError' });
		expect(h.log).toContain('unload');
	});
	it('complete() sends one request per sample with its own seed, n = 1, and the sampling values', async () => {
		const h = harness([ok]);
		await h.engine.load(model, () => {}, new AbortController().signal);
		const a = await h.engine.complete({ prompt: 'Q?', temperature: 0.7, topP: 0.9, maxTokens: 64, seed: 11 }, new AbortController().signal);
		const b = await h.engine.complete({ prompt: 'Q?', temperature: 0.7, topP: 0.9, maxTokens: 64, seed: 12, stop: ['\n\n'] }, new AbortController().signal);
		expect([a.text, b.text]).toEqual(['seed 11', 'seed 12']);
		expect(a.tokens).toBe(3);
		expect(h.requests[0]).toEqual({
			seed: 11,
			temperature: 0.7,
			top_p: 0.9,
			max_tokens: 64,
			repetition_penalty: 1,
			frequency_penalty: 0,
			presence_penalty: 0,
			n: 1,
			stream: false,
			messages: [{ role: 'user', content: 'Q?' }]
		});
		expect(h.requests[1]).toMatchObject({ seed: 12, stop: ['\n\n'] });
		expect(a.finish).toBe('stop');
	});
	it("complete() sets every penalty of WebLLM's request type to neutral, so a model config's own penalty never applies", async () => {
		const h = harness([ok]);
		await h.engine.load(model, () => {}, new AbortController().signal);
		await h.engine.complete({ prompt: 'Q?', temperature: 0.7, topP: 0.9, maxTokens: 64, seed: 1 }, new AbortController().signal);
		const types = readFileSync('node_modules/@mlc-ai/web-llm/lib/openai_api_protocols/chat_completion.d.ts', 'utf8');
		const base = types.slice(types.indexOf('export interface ChatCompletionRequestBase'), types.indexOf('export interface ChatCompletionRequestNonStreaming'));
		const penalties = [...base.matchAll(/^\s*(\w*penalty)\?:/gm)].map((m) => m[1] as string);
		expect(penalties.sort()).toEqual(['frequency_penalty', 'presence_penalty', 'repetition_penalty']);
		const neutral: Record<string, number> = { repetition_penalty: 1, frequency_penalty: 0, presence_penalty: 0 };
		for (const p of penalties) expect(h.requests[0], p).toHaveProperty(p, neutral[p]);
	});
	it('complete() records why the output ended: length when it hit max tokens', async () => {
		const h = harness([ok]);
		await h.engine.load(model, () => {}, new AbortController().signal);
		const cut = await h.engine.complete({ prompt: 'Q?', temperature: 0.7, topP: 0.9, maxTokens: 3, seed: 1 }, new AbortController().signal);
		expect(cut.finish).toBe('length');
	});
	it('complete() on a base model (chat: false) sends the raw prompt', async () => {
		const h = harness([ok]);
		await h.engine.load({ ...model, chat: false }, () => {}, new AbortController().signal);
		const r = await h.engine.complete({ prompt: 'Q: 1+1\nA:', temperature: 0, topP: 1, maxTokens: 8, seed: 1 }, new AbortController().signal);
		expect(r.text).toBe('raw Q: 1+1\nA:');
		expect(h.requests[0]).toMatchObject({ prompt: 'Q: 1+1\nA:', n: 1 });
	});
	it('complete() before load() is a NotLoadedError; info() names WebLLM and the model', async () => {
		const h = harness([ok]);
		await expect(h.engine.complete({ prompt: 'x', temperature: 0, topP: 1, maxTokens: 1, seed: 1 }, new AbortController().signal)).rejects.toMatchObject({ code: 'not-loaded' });
		await h.engine.load(model, () => {}, new AbortController().signal);
		expect(await h.engine.info()).toEqual({ name: 'WebLLM 0.2.86 (webgpu, Qwen2.5-0.5B-Instruct-q4f32_1-MLC)', backend: 'webgpu' });
	});
});
