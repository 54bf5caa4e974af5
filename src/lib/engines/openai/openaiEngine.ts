// The Engine for any OpenAI-compatible server (vLLM, llama-server, Ollama, SGLang). It needs no
// worker (requests are asynchronous), so the runner calls it directly, several requests at once.
// One request per sample: its own seed, n = 1, every sampling parameter explicit.
import type { ModelRef, ServerEnvironment } from '../../core/types';
import { reproducibilityNote, serverKind } from '../../core/study/serverReproducibility';
import type { Completion, CompletionRequest, Engine, EngineInfo, LoadProgress } from '../types';
import { AbortedError, NotLoadedError } from '../errors';
import { normalizeBaseUrl } from './baseUrl';
import { ServerError } from './errors';
import { requestJson, type HttpDeps } from './http';

export interface OpenAiDeps extends HttpDeps {
	now(): number;
}

export interface ListedModel {
	id: string;
	ownedBy?: string;
}

/** GET /v1/models: the ids the server serves (the model picker's list too). */
export async function listServerModels(deps: HttpDeps, baseUrl: string, signal: AbortSignal): Promise<ListedModel[]> {
	const { json } = await requestJson(deps, baseUrl, '/models', { method: 'GET' }, signal);
	const data = (json as { data?: unknown }).data;
	if (!Array.isArray(data)) {
		throw new ServerError('malformed', `${baseUrl}/models answered without a "data" list of models: is this the OpenAI-compatible base URL (usually ending in /v1)?`);
	}
	return data
		.filter((m): m is { id: string; owned_by?: unknown } => typeof m === 'object' && m !== null && typeof (m as { id?: unknown }).id === 'string')
		.map((m) => ({ id: m.id, ...(typeof m.owned_by === 'string' ? { ownedBy: m.owned_by } : {}) }));
}

/**
 * Sampling parameters sent with every request: the study's temperature and top-p, and every other
 * sampler neutral (top-k and min-p off, no penalties), so a sample is plain temperature + top-p as
 * with the in-browser engines. top_k, min_p and repetition_penalty are extensions that vLLM,
 * llama-server and SGLang read; servers without them ignore them.
 */
export function samplingBody(req: CompletionRequest, model: string): Record<string, unknown> {
	return {
		model,
		max_tokens: req.maxTokens,
		temperature: req.temperature,
		top_p: req.topP,
		seed: req.seed,
		n: 1,
		stream: false,
		presence_penalty: 0,
		frequency_penalty: 0,
		top_k: -1,
		min_p: 0,
		repetition_penalty: 1,
		...(req.stop?.length ? { stop: req.stop } : {})
	};
}

interface Choice {
	text?: unknown;
	message?: { content?: unknown };
	finish_reason?: unknown;
}

export class OpenAiEngine implements Engine {
	#deps: OpenAiDeps;
	#model: ModelRef | undefined;
	#baseUrl = '';
	#listed: ListedModel[] = [];
	#served = '';
	#fingerprints = new Set<string>();

	constructor(deps: OpenAiDeps) {
		this.#deps = deps;
	}

	async load(model: ModelRef, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<void> {
		const baseUrl = normalizeBaseUrl(model.source);
		const name = model.serverModel ?? model.label;
		onProgress({ fraction: undefined, text: `Asking ${baseUrl} for its models…` });
		const listed = await listServerModels(this.#deps, baseUrl, signal);
		if (!listed.some((m) => m.id === name)) {
			const ids = listed.map((m) => `"${m.id}"`).join(', ') || 'none';
			throw new ServerError('model-not-served', `The server at ${baseUrl} does not serve the model "${name}"; it serves ${ids}. Choose one of those.`);
		}
		this.#model = model;
		this.#baseUrl = baseUrl;
		this.#listed = listed;
		this.#served = name;
		onProgress({ fraction: 1, text: `${name} is served by ${baseUrl}` });
	}

	async complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		const model = this.#model;
		if (!model) throw new NotLoadedError();
		const name = model.serverModel ?? model.label;
		const chat = model.chat === true || Array.isArray(req.prompt);
		const body = chat
			? { ...samplingBody(req, name), messages: Array.isArray(req.prompt) ? req.prompt : [{ role: 'user', content: req.prompt }] }
			: { ...samplingBody(req, name), prompt: req.prompt };
		const t0 = this.#deps.now();
		const { json } = await requestJson(this.#deps, this.#baseUrl, chat ? '/chat/completions' : '/completions', { method: 'POST', body }, signal, {
			retryNetwork: true,
			model: name
		});
		if (signal.aborted) throw new AbortedError();
		const r = json as { choices?: unknown; usage?: { completion_tokens?: unknown }; model?: unknown; system_fingerprint?: unknown };
		const choice = Array.isArray(r.choices) ? (r.choices[0] as Choice | undefined) : undefined;
		if (!choice || typeof choice !== 'object') {
			throw new ServerError('malformed', `The server at ${this.#baseUrl} answered without any choice (no "choices[0]"), so there is no sample; check its log, then resume.`);
		}
		const content = chat ? choice.message?.content : choice.text;
		if (content !== null && content !== undefined && typeof content !== 'string') {
			throw new ServerError('malformed', `The server at ${this.#baseUrl} answered with a choice whose text is not a string; check its log, then resume.`);
		}
		if (typeof r.model === 'string') this.#served = r.model;
		if (typeof r.system_fingerprint === 'string' && r.system_fingerprint) this.#fingerprints.add(r.system_fingerprint);
		const tokens = typeof r.usage?.completion_tokens === 'number' && Number.isFinite(r.usage.completion_tokens) ? Math.max(0, Math.round(r.usage.completion_tokens)) : undefined;
		const finish = choice.finish_reason === 'length' || (choice.finish_reason == null && tokens !== undefined && tokens >= req.maxTokens) ? 'length' : 'stop';
		return { text: content ?? '', tokens: tokens ?? 0, ms: this.#deps.now() - t0, finish };
	}

	async unload(): Promise<void> {
		this.#model = undefined;
	}

	/** What the server said about itself so far (the runner asks again after the model's samples). */
	server(): ServerEnvironment | undefined {
		if (!this.#model) return undefined;
		const kind = serverKind(this.#listed.map((m) => m.ownedBy));
		return {
			model: this.#model.id,
			baseUrl: this.#baseUrl,
			served: this.#served,
			listed: this.#listed,
			fingerprints: [...this.#fingerprints].sort(),
			kind,
			reproducibility: reproducibilityNote(kind)
		};
	}

	async info(): Promise<EngineInfo> {
		const s = this.server();
		return {
			name: s ? `OpenAI-compatible server (${s.kind}) at ${s.baseUrl}, model ${s.served}` : 'OpenAI-compatible server',
			backend: 'server',
			...(s ? { server: s } : {})
		};
	}
}

/** Sleeps `ms`, or rejects with an AbortedError as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(new AbortedError());
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(new AbortedError());
		};
		signal.addEventListener('abort', onAbort, { once: true });
	});
}
