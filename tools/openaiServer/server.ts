// A small OpenAI-compatible HTTP server over real llama.cpp (node-llama-cpp's prebuilt binaries):
// the stand-in for vLLM / llama-server in this project's tests and benchmark. GET /v1/models,
// POST /v1/completions and /v1/chat/completions, CORS for the page, an optional API key, and
// `slots` sequences (one by default: with one slot and no prompt reuse, a seed gives one output,
// as llama-server promises). Every request starts from an empty KV cache (no prompt cache).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getLlama, LlamaCompletion, type LlamaContext, type LlamaContextSequence, type LlamaModel } from 'node-llama-cpp';

export interface ServerOptions {
	/** Served model name -> GGUF path. */
	models: Record<string, string>;
	host?: string;
	/** 0 = any free port. */
	port?: number;
	/** When set, every request must carry `Authorization: Bearer <apiKey>`. */
	apiKey?: string;
	/** Sequences per model decoded together (llama-server's --parallel); default 1. */
	slots?: number;
	/** CPU threads for llama.cpp (default 1: on 2 shared cores more threads only wait). */
	threads?: number;
	/** false leaves out the CORS headers (to see what a page is told then). */
	cors?: boolean;
	/** Logs one line per request to this function (never the Authorization header). */
	log?: (line: string) => void;
}

export interface RunningServer {
	/** Base URL, e.g. http://127.0.0.1:40123/v1 */
	url: string;
	port: number;
	/** Requests answered so far, by path. */
	counts: Record<string, number>;
	/** Stops serving a model (as when a server is restarted with others): tests of "model not served". */
	unserve(name: string): void;
	close(): Promise<void>;
}

interface Loaded {
	model: LlamaModel;
	context: LlamaContext;
	free: LlamaContextSequence[];
	waiting: ((s: LlamaContextSequence) => void)[];
}

class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly code: string
	) {
		super(message);
	}
}

async function readBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new HttpError(400, 'The request body is not JSON.', 'invalid_json');
	}
}

function num(v: unknown, fallback: number): number {
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export async function startOpenAiServer(options: ServerOptions): Promise<RunningServer> {
	const { host = '127.0.0.1', port = 0, apiKey, slots = 1, threads = 1, cors = true, log } = options;
	const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' as never });
	const release = llama.llamaCppRelease.release;
	const fingerprint = `llama.cpp-${release}-cpu`;
	const loaded = new Map<string, Loaded>();
	const all: Loaded[] = [];
	for (const [name, path] of Object.entries(options.models)) {
		const model = await llama.loadModel({ modelPath: path });
		const context = await model.createContext({ sequences: slots, threads, contextSize: Math.min(model.trainContextSize, 2048) * slots });
		const free = Array.from({ length: slots }, () => context.getSequence());
		const entry: Loaded = { model, context, free, waiting: [] };
		loaded.set(name, entry);
		all.push(entry);
	}
	const counts: Record<string, number> = {};
	const created = Math.floor(Date.now() / 1000);

	async function withSequence<T>(m: Loaded, f: (s: LlamaContextSequence) => Promise<T>): Promise<T> {
		const seq = m.free.pop() ?? (await new Promise<LlamaContextSequence>((resolve) => m.waiting.push(resolve)));
		try {
			await seq.clearHistory();
			return await f(seq);
		} finally {
			const next = m.waiting.shift();
			if (next) next(seq);
			else m.free.push(seq);
		}
	}

	async function complete(body: Record<string, unknown>, chat: boolean, signal: AbortSignal) {
		const name = String(body.model ?? '');
		const m = loaded.get(name);
		if (!m) throw new HttpError(404, `The model \`${name}\` does not exist.`, 'model_not_found');
		if (num(body.n, 1) !== 1) throw new HttpError(400, 'Only n = 1 is supported.', 'invalid_n');
		let prompt: string;
		if (chat) {
			if (!Array.isArray(body.messages)) throw new HttpError(400, '"messages" should be a list.', 'invalid_messages');
			// The tiny models have no chat template: the messages' contents, one per line.
			prompt = (body.messages as { content?: unknown }[]).map((x) => String(x.content ?? '')).join('\n');
		} else {
			if (typeof body.prompt !== 'string') throw new HttpError(400, '"prompt" should be a string.', 'invalid_prompt');
			prompt = body.prompt;
		}
		const stop = Array.isArray(body.stop) ? body.stop.filter((s): s is string => typeof s === 'string') : typeof body.stop === 'string' ? [body.stop] : [];
		const maxTokens = Math.max(1, Math.round(num(body.max_tokens, 16)));
		const temperature = num(body.temperature, 1);
		const topK = num(body.top_k, -1);
		const result = await withSequence(m, async (seq) => {
			const completion = new LlamaCompletion({ contextSequence: seq });
			try {
				return await completion.generateCompletionWithMeta(prompt, {
					maxTokens,
					temperature,
					topP: num(body.top_p, 1),
					topK: topK > 0 ? topK : 0,
					minP: num(body.min_p, 0),
					seed: Math.round(num(body.seed, 0)) >>> 0,
					signal,
					stopOnAbortSignal: true,
					...(stop.length ? { customStopTriggers: stop } : {})
				});
			} finally {
				completion.dispose();
			}
		});
		const text = result.response;
		const completionTokens = m.model.tokenize(text).length;
		const promptTokens = m.model.tokenize(prompt).length;
		const finish = result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop';
		const common = { id: `cmpl-${Math.random().toString(36).slice(2)}`, created: Math.floor(Date.now() / 1000), model: name, system_fingerprint: fingerprint, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } };
		return chat
			? { ...common, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }] }
			: { ...common, object: 'text_completion', choices: [{ index: 0, text, finish_reason: finish, logprobs: null }] };
	}

	function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
		if (cors) {
			res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
			res.setHeader('vary', 'origin');
		}
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(body === undefined ? '' : JSON.stringify(body));
	}

	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const controller = new AbortController();
		res.on('close', () => {
			if (!res.writableEnded) controller.abort();
		});
		void (async () => {
			try {
				if (req.method === 'OPTIONS') {
					if (cors) {
						res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
						res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
						res.setHeader('access-control-allow-headers', 'authorization, content-type');
						res.setHeader('access-control-max-age', '600');
					}
					res.writeHead(204);
					return void res.end();
				}
				counts[path] = (counts[path] ?? 0) + 1;
				if (apiKey !== undefined && req.headers.authorization !== `Bearer ${apiKey}`) {
					throw new HttpError(401, 'Invalid API key.', 'invalid_api_key');
				}
				if (req.method === 'GET' && path === '/v1/models') {
					return send(req, res, 200, { object: 'list', data: [...loaded.keys()].map((id) => ({ id, object: 'model', created, owned_by: 'llamacpp' })) });
				}
				if (req.method === 'POST' && (path === '/v1/completions' || path === '/v1/chat/completions')) {
					const body = await readBody(req);
					if (typeof body !== 'object' || body === null) throw new HttpError(400, 'The request body should be a JSON object.', 'invalid_body');
					const t0 = performance.now();
					const out = await complete(body as Record<string, unknown>, path === '/v1/chat/completions', controller.signal);
					log?.(`${path} ${(body as { model?: unknown }).model} seed=${(body as { seed?: unknown }).seed} ${Math.round(performance.now() - t0)} ms`);
					return send(req, res, 200, out);
				}
				throw new HttpError(404, `No route ${req.method} ${path}.`, 'not_found');
			} catch (e) {
				const status = e instanceof HttpError ? e.status : 500;
				const code = e instanceof HttpError ? e.code : 'server_error';
				if (!res.headersSent && !res.writableEnded) send(req, res, status, { error: { message: e instanceof Error ? e.message : String(e), type: status === 401 ? 'authentication_error' : 'invalid_request_error', code } });
			}
		})();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const actual = (server.address() as AddressInfo).port;
	return {
		url: `http://${host}:${actual}/v1`,
		port: actual,
		counts,
		unserve(name: string) {
			loaded.delete(name);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			for (const m of all) {
				await m.context.dispose();
				await m.model.dispose();
			}
			await llama.dispose();
		}
	};
}
