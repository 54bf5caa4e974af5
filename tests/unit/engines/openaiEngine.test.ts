import { describe, expect, it } from 'vitest';
import { OpenAiEngine, isServerError, normalizeBaseUrl, retryDelay, samplingBody, type OpenAiDeps } from '../../../src/lib/engines/openai';
import { isEngineError } from '../../../src/lib/engines/errors';
import type { CompletionRequest } from '../../../src/lib/engines/types';
import type { ModelRef } from '../../../src/lib/core/types';

/** A fetch that answers from a script, one entry per call, and records every request. */
function scripted(script: (Response | Error | ((url: string, init: RequestInit) => Response | Error))[]) {
	const calls: { url: string; init: RequestInit }[] = [];
	const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
		const url = String(input);
		calls.push({ url, init });
		const next = script.shift();
		if (next === undefined) throw new Error(`unexpected request ${url}`);
		const r = typeof next === 'function' ? next(url, init) : next;
		if (r instanceof Error) throw r;
		return r;
	}) as typeof globalThis.fetch;
	return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const models = (...ids: string[]) => json({ object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'llamacpp' })) });
const completion = (text: string, extra: Record<string, unknown> = {}) =>
	json({ id: 'c', object: 'text_completion', model: 'tiny-m1', system_fingerprint: 'b1234-cpu', choices: [{ index: 0, text, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 }, ...extra });

const MODEL: ModelRef = { id: 'm1', label: 'M1', engine: 'openai', source: 'http://127.0.0.1:9/v1', serverModel: 'tiny-m1', order: 0 };
const REQ: CompletionRequest = { prompt: 'Q: 1+1?\nA: ', temperature: 0.8, topP: 0.95, maxTokens: 32, seed: 1234, stop: ['\nQuestion:'] };

function engineWith(fetch: typeof globalThis.fetch, extra: Partial<OpenAiDeps> = {}) {
	const waits: number[] = [];
	const engine = new OpenAiEngine({ fetch, sleep: async (ms) => void waits.push(ms), now: () => 0, ...extra });
	return { engine, waits };
}
const signal = () => new AbortController().signal;
const noProgress = () => {};

describe('OpenAiEngine', () => {
	it('load(model) checks GET /v1/models; complete(req) posts one request with n = 1, its seed and every sampler explicit', async () => {
		const { fetch, calls } = scripted([models('tiny-m1', 'other'), completion(' 2\n#### 2')]);
		const { engine } = engineWith(fetch, { apiKey: 'sk-test' });
		await engine.load(MODEL, noProgress, signal());
		const c = await engine.complete(REQ, signal());
		expect(c).toEqual({ text: ' 2\n#### 2', tokens: 7, ms: 0, finish: 'stop' });
		expect(calls.map((x) => `${x.init.method} ${x.url}`)).toEqual(['GET http://127.0.0.1:9/v1/models', 'POST http://127.0.0.1:9/v1/completions']);
		const body = JSON.parse(String(calls[1]?.init.body));
		expect(body).toEqual({ ...samplingBody(REQ, 'tiny-m1'), prompt: REQ.prompt });
		expect(body).toMatchObject({ model: 'tiny-m1', seed: 1234, n: 1, temperature: 0.8, top_p: 0.95, max_tokens: 32, presence_penalty: 0, frequency_penalty: 0, top_k: -1, min_p: 0, repetition_penalty: 1, stop: ['\nQuestion:'], stream: false });
		expect((calls[1]?.init.headers as Record<string, string>).authorization).toBe('Bearer sk-test');
		const info = await engine.info();
		expect(info.server).toMatchObject({ model: 'm1', baseUrl: 'http://127.0.0.1:9/v1', served: 'tiny-m1', fingerprints: ['b1234-cpu'], kind: 'llama.cpp' });
		expect(info.server?.reproducibility).toContain('one slot');
		expect(JSON.stringify(info)).not.toContain('sk-test');
	});

	it('complete(req) of a chat model posts to /v1/chat/completions and reads message.content; finish_reason length is kept', async () => {
		const { fetch, calls } = scripted([
			models('tiny-m1'),
			json({ model: 'tiny-m1', choices: [{ index: 0, message: { role: 'assistant', content: 'four' }, finish_reason: 'length' }], usage: { completion_tokens: 32 } })
		]);
		const { engine } = engineWith(fetch);
		await engine.load({ ...MODEL, chat: true }, noProgress, signal());
		const c = await engine.complete({ ...REQ, prompt: [{ role: 'user', content: 'Q' }] }, signal());
		expect(c).toMatchObject({ text: 'four', tokens: 32, finish: 'length' });
		expect(calls[1]?.url).toBe('http://127.0.0.1:9/v1/chat/completions');
		expect(JSON.parse(String(calls[1]?.init.body)).messages).toEqual([{ role: 'user', content: 'Q' }]);
		expect((calls[1]?.init.headers as Record<string, string>).authorization).toBeUndefined();
	});

	it('complete(req) retries a 429 after its Retry-After and a 503 with backoff, then succeeds', async () => {
		const { fetch, calls } = scripted([
			models('tiny-m1'),
			json({ error: { message: 'slow down' } }, 429, { 'retry-after': '3' }),
			new Response('busy', { status: 503 }),
			completion('ok')
		]);
		const retries: string[] = [];
		const { engine, waits } = engineWith(fetch, { onRetry: (r) => void retries.push(r.why) });
		await engine.load(MODEL, noProgress, signal());
		expect((await engine.complete(REQ, signal())).text).toBe('ok');
		expect(waits).toEqual([3000, 2000]);
		expect(retries).toEqual(['429: slow down', '503: busy']);
		expect(calls).toHaveLength(4);
	});

	it('complete(req) gives up after maxAttempts 5xx answers with words that say to check the server and resume', async () => {
		const { fetch } = scripted([models('tiny-m1'), ...Array.from({ length: 3 }, () => new Response('{"error":"out of memory"}', { status: 500 }))]);
		const { engine, waits } = engineWith(fetch, { maxAttempts: 3 });
		await engine.load(MODEL, noProgress, signal());
		const e = await engine.complete(REQ, signal()).catch((x: unknown) => x);
		expect(isServerError(e, 'server-error')).toBe(true);
		expect(String((e as Error).message)).toMatch(/failed \(500 \("out of memory"\)\) 3 times in a row: check its log, then resume/);
		expect(waits).toEqual([1000, 2000]);
	});

	it('load(model) with a wrong key (401) stops at once with a readable error naming the key', async () => {
		const { fetch, calls } = scripted([json({ error: { message: 'Invalid API Key', type: 'authentication_error' } }, 401)]);
		const { engine } = engineWith(fetch, { apiKey: 'sk-not-the-key-42' });
		const e = await engine.load(MODEL, noProgress, signal()).catch((x: unknown) => x);
		expect(isServerError(e, 'unauthorized')).toBe(true);
		expect((e as Error).message).toMatch(/wrong or missing API key \(401 \("Invalid API Key"\)\)/);
		expect((e as Error).message).not.toContain('sk-not-the-key-42');
		expect(calls).toHaveLength(1);
	});

	it('load(model) of a model the server does not list names the ones it serves', async () => {
		const { fetch } = scripted([models('tiny-m2', 'tiny-m3')]);
		const { engine } = engineWith(fetch);
		const e = await engine.load(MODEL, noProgress, signal()).catch((x: unknown) => x);
		expect(isServerError(e, 'model-not-served')).toBe(true);
		expect((e as Error).message).toBe('The server at http://127.0.0.1:9/v1 does not serve the model "tiny-m1"; it serves "tiny-m2", "tiny-m3". Choose one of those.');
	});

	it('complete(req) answered 404 for the model (unloaded since) says the model is not served', async () => {
		const { fetch } = scripted([models('tiny-m1'), json({ error: { message: 'The model `tiny-m1` does not exist.', code: 'model_not_found' } }, 404)]);
		const { engine } = engineWith(fetch);
		await engine.load(MODEL, noProgress, signal());
		const e = await engine.complete(REQ, signal()).catch((x: unknown) => x);
		expect(isServerError(e, 'model-not-served')).toBe(true);
		expect((e as Error).message).toMatch(/does not serve the model "tiny-m1" \(404/);
	});

	it('load(model) from a page that cannot read the answer (CORS-like TypeError) tells CORS apart from an unreachable host', async () => {
		// The real request fails; the no-cors probe gets through: the host is up, CORS is the problem.
		const cors = scripted([new TypeError('Failed to fetch'), (_u, init) => (init.mode === 'no-cors' ? new Response(null, { status: 200 }) : new Error('?'))]);
		const a = await engineWith(cors.fetch, { pageUrl: 'http://localhost:4173/study' }).engine.load(MODEL, noProgress, signal()).catch((x: unknown) => x);
		expect(isServerError(a, 'cors')).toBe(true);
		expect((a as Error).message).toContain('OLLAMA_ORIGINS=http://localhost:4173');
		expect((a as Error).message).toContain('--allowed-origins');
		const down = scripted([new TypeError('Failed to fetch'), new TypeError('Failed to fetch')]);
		const b = await engineWith(down.fetch, { pageUrl: 'http://localhost:4173/study' }).engine.load(MODEL, noProgress, signal()).catch((x: unknown) => x);
		expect(isServerError(b, 'unreachable')).toBe(true);
		expect((b as Error).message).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:9\/v1/);
	});

	it('load(model) from an https page to an http server is refused as mixed content before any request', async () => {
		const { fetch, calls } = scripted([]);
		const e = await engineWith(fetch, { pageUrl: 'https://lab.example/study' }).engine.load({ ...MODEL, source: 'http://gpu-node:8000/v1' }, noProgress, signal()).catch((x: unknown) => x);
		expect(isServerError(e, 'mixed-content')).toBe(true);
		expect((e as Error).message).toMatch(/mixed content/);
		expect(calls).toHaveLength(0);
	});

	it('complete(req) given malformed JSON, or a response with no choices, fails with words (no sample is made up)', async () => {
		const bad = scripted([models('tiny-m1'), new Response('<html>502 Bad Gateway</html>', { status: 200 })]);
		const a = engineWith(bad.fetch).engine;
		await a.load(MODEL, noProgress, signal());
		const e1 = await a.complete(REQ, signal()).catch((x: unknown) => x);
		expect(isServerError(e1, 'malformed')).toBe(true);
		expect((e1 as Error).message).toMatch(/not JSON \("<html>502 Bad Gateway<\/html>"\)/);
		const empty = scripted([models('tiny-m1'), json({ model: 'tiny-m1', choices: [] })]);
		const b = engineWith(empty.fetch).engine;
		await b.load(MODEL, noProgress, signal());
		const e2 = await b.complete(REQ, signal()).catch((x: unknown) => x);
		expect(isServerError(e2, 'malformed')).toBe(true);
		expect((e2 as Error).message).toMatch(/without any choice/);
	});

	it('complete(req) aborted while waiting to retry rejects as aborted (the runner takes the sample again later)', async () => {
		const { fetch } = scripted([models('tiny-m1'), new Response('', { status: 503, headers: { 'retry-after': '30' } })]);
		const controller = new AbortController();
		const engine = new OpenAiEngine({
			fetch,
			now: () => 0,
			sleep: (_ms, s) => new Promise((_, reject) => s.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')))).then(() => undefined)
		});
		await engine.load(MODEL, noProgress, signal());
		const p = engine.complete(REQ, controller.signal).catch((x: unknown) => x);
		setTimeout(() => controller.abort(), 5);
		const e = await p;
		expect(e instanceof DOMException || isEngineError(e, 'aborted')).toBe(true);
	});
});

describe('retryDelay and normalizeBaseUrl', () => {
	it('retryDelay(attempt, Retry-After) takes seconds or an HTTP date, else doubles from 1 s, at most 60 s', () => {
		expect(retryDelay(0, '2')).toBe(2000);
		expect(retryDelay(0, new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect([0, 1, 2, 3].map((a) => retryDelay(a, null))).toEqual([1000, 2000, 4000, 8000]);
		expect(retryDelay(10, null)).toBe(60_000);
		expect(retryDelay(0, '3600')).toBe(60_000);
	});
	it('normalizeBaseUrl(text) adds /v1 to a bare host, keeps a path, refuses keys in the address', () => {
		expect(normalizeBaseUrl(' http://127.0.0.1:8000 ')).toBe('http://127.0.0.1:8000/v1');
		expect(normalizeBaseUrl('http://h:8000/v1/')).toBe('http://h:8000/v1');
		expect(normalizeBaseUrl('https://h/openai/v1')).toBe('https://h/openai/v1');
		expect(() => normalizeBaseUrl('http://u:sk@h/v1')).toThrow(/API key in its own field/);
		expect(() => normalizeBaseUrl('ftp://h')).toThrow(/http:\/\/ or https:\/\//);
	});
});
