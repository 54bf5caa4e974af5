// The one owner of engine kinds: for each kind, how to create its engine, how many requests to keep
// in flight or models to run at once, what it costs before a run, which hosts it reaches and what
// the model picker asks for.
// The runner's engine pool, the study page's picker and its cost estimate all read this table.
import type { EngineKind, ModelRef } from '../core/types';
import type { Engine } from './types';
import { normalizeBaseUrl } from './openai/baseUrl';

/**
 * The built-in tiny models' whole run through wllama (WASM, one thread), measured by
 * tools/measure-demo.ts: the shipped family's default demo, 1,800 samples in 99.2 s on a 2-core Xeon
 * (README, "The live demo"). Whole-run speed includes each sample's prompt and bookkeeping.
 */
export const BUILTIN_WHOLE_RUN = { tokensPerSecond: 1580, tokensPerSample: 86, loadSeconds: 1.4 } as const;

/**
 * Whole-run tokens per second of two lanes (two models at once, two wllama workers) over one: the
 * default demo by tools/measure-demo.ts, ?lanes=2 against ?lanes=1, same build, on the 2-core Xeon
 * while other jobs ran (load 1-9): 8 pairs gave 1.3 to 3.4, median 1.9; 3 alternated shorter pairs
 * 1.7 to 2.2. A busy machine flatters the ratio (two lanes take a larger share of it) and two cores
 * cannot give more than 2, hence 1.8. Each further lane is assumed to add as much (unmeasured).
 */
export const BUILTIN_TWO_LANE_SPEEDUP = 1.8;

/** The most lanes a run's context may ask for. */
export const MAX_LANES = 8;

/**
 * Built-in models at once, by default: one per core, at most two. Each lane is a single-threaded
 * WASM engine that keeps one core busy; the page's main thread (which draws the live report), the
 * runner and the report worker need little CPU beside them, and two lanes are what was measured.
 */
export function defaultLanes(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
	return Math.max(1, Math.min(2, Math.floor(cores || 1)));
}

/** Whole-run speed of `lanes` models at once over one (BUILTIN_TWO_LANE_SPEEDUP per added lane). */
export function laneSpeedup(lanes: number): number {
	return 1 + Math.max(0, lanes - 1) * (BUILTIN_TWO_LANE_SPEEDUP - 1);
}

/** What a run gives the engines: nothing here is stored (API keys live only in memory). */
export interface EngineContext {
	/** Reuse the KV cache of a shared prompt prefix (wllama; default true). */
	cachePrompt?: boolean;
	/** API keys of engine 'openai' by base URL (normalizeBaseUrl of the model's source). */
	apiKeys?: Record<string, string>;
	/** Requests in flight for engine 'openai' (default DEFAULT_CONCURRENCY). */
	concurrency?: number;
	/** Models at once for kinds that run several (built-in; default defaultLanes()); for measurements. */
	lanes?: number;
	/** The page's address, for the openai engine's mixed-content and CORS advice. */
	pageUrl?: string;
}

export type EngineFactory = (model: ModelRef, context: EngineContext) => Engine & { terminate?: () => void };

export interface EngineCost {
	/** Bytes this model downloads into the browser; undefined = unknown before the download. */
	downloadBytes: number | undefined;
	/** A speed to assume before any run has measured one (tokens per second), when known. */
	tokensPerSecond?: number;
}

export interface CostFacts {
	/** The size of a built-in model's file, from the app's manifest. */
	builtinBytes(model: ModelRef): number | undefined;
}

/** A field the model picker shows to add a model of this kind. */
export interface PickerField {
	key: 'baseUrl' | 'serverModel' | 'apiKey' | 'concurrency' | 'chat' | 'label';
	label: string;
	input: 'url' | 'select' | 'password' | 'number' | 'checkbox' | 'text';
	placeholder?: string;
	help?: string;
}

export interface EngineKindSpec {
	kind: EngineKind;
	/** How the chosen-models list names it. */
	label: string;
	/** The engine instance that runs it (built-in models share wllama's); undefined = cannot run (import). */
	pool?: string;
	/** Loads the factory (lazily, so pages only load the engines they use); undefined when this build lacks it. */
	factory?: () => Promise<EngineFactory | undefined>;
	/**
	 * Requests the runner keeps in flight for a model of this kind (a server batches them). Absent
	 * for in-browser engines: one request at a time, the next one sent before the last is saved.
	 */
	concurrency?(context: EngineContext): number;
	/**
	 * Models the runner may sample at once, each on its own engine instance (its own worker), for a
	 * kind whose engine keeps one core busy with one model: a second model on another core runs
	 * beside it. Absent: one model at a time.
	 */
	lanes?(context: EngineContext, model: ModelRef): number;
	cost(model: ModelRef, facts: CostFacts): EngineCost;
	/** The hosts a model of this kind reaches, when they are not this app's own. */
	hosts(model: ModelRef): string[] | undefined;
	/** What the picker asks for when the user adds one by hand (empty: the picker's own lists). */
	picker: PickerField[];
}

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;
/**
 * Chromium, Firefox and Safari open at most 6 HTTP/1.1 connections to one host and port; further
 * requests wait inside the browser (measured here: 8 and 12 fetches at once, 6 at the server).
 * vLLM, llama-server, Ollama and SGLang speak HTTP/1.1 unless an HTTP/2 proxy stands in front.
 */
export const BROWSER_HTTP1_CONNECTIONS = 6;

/** What to tell a page user about this many requests in flight, if anything. */
export function browserConcurrencyNote(concurrency: number): string | undefined {
	// One at a time, every sample also waits for the browser's side of the round trip (measured: 75%
	// of Node's rate against a one-slot llama-server, 104% with two in flight; README "Scale out").
	if (concurrency === 1) {
		return (
			'With one request in flight, each sample also waits for the round trip between the browser and the server. ' +
			'With 2, the next request waits at the server instead; a server with one slot still runs them one at a time, so its samples stay the same.'
		);
	}
	if (!(concurrency > BROWSER_HTTP1_CONNECTIONS)) return undefined;
	return (
		`A browser opens at most ${BROWSER_HTTP1_CONNECTIONS} connections to one server over HTTP/1.1 (what vLLM, llama-server, Ollama and SGLang speak), ` +
		`so ${concurrency - BROWSER_HTTP1_CONNECTIONS} of these ${concurrency} requests wait in the browser unless an HTTP/2 proxy stands in front of the server. ` +
		`The command line (reversal-lab sample) has no such limit.`
	);
}

function hostOf(url: string): string {
	try {
		return new URL(url).host || url;
	} catch {
		return url;
	}
}

/** Lanes for the tiny models (built-in or trained in this page): the context's, else one per core, at most two. */
const tinyLanes = (context: EngineContext): number => Math.max(1, Math.min(MAX_LANES, Math.round(context.lanes ?? defaultLanes())));

const wllama: Omit<EngineKindSpec, 'kind' | 'label' | 'cost' | 'hosts'> = {
	pool: 'wllama',
	factory: async () => {
		const { createWllamaEngine } = await import('./wllama');
		return (_model, context) => createWllamaEngine({ cachePrompt: context.cachePrompt ?? true });
	},
	picker: []
};

export const ENGINE_KINDS: Record<EngineKind, EngineKindSpec> = {
	builtin: {
		...wllama,
		kind: 'builtin',
		label: 'built-in',
		// Tiny models on single-threaded WASM (wllamaEngine gives threads and WebGPU only to files over
		// 64 MB): each lane is one busy core and a few megabytes. Other 'wllama' files keep one model at
		// a time: they can be large (two copies in memory), threaded or on the GPU.
		lanes: tinyLanes,
		// The study page's estimate (ui/study/estimate) adds the model loads and a range for other devices.
		cost: (model, facts) => ({ downloadBytes: facts.builtinBytes(model) ?? 0, tokensPerSecond: BUILTIN_WHOLE_RUN.tokensPerSecond }),
		hosts: () => undefined
	},
	wllama: {
		...wllama,
		kind: 'wllama',
		label: 'wllama',
		// A model trained by the live loop is a built-in model's size and architecture: it runs in lanes
		// as they do (the loop's pool and evaluation are one model each, which then fills both cores).
		lanes: (context, model) => (model.training ? tinyLanes(context) : 1),
		cost: (model) => ({ downloadBytes: model.source.startsWith('file:') ? 0 : undefined }),
		hosts: (model) => {
			const source = model.source.trim();
			if (model.training) return undefined;
			if (source.startsWith('hf:')) return ['huggingface.co'];
			if (/^https?:/i.test(source)) return [hostOf(source)];
			return undefined;
		}
	},
	webllm: {
		kind: 'webllm',
		label: 'webllm',
		pool: 'webllm',
		factory: async () => {
			const { createWebllmEngine } = await import('./webllm');
			return () => createWebllmEngine();
		},
		cost: () => ({ downloadBytes: undefined }),
		hosts: (model) => {
			const source = model.source.trim();
			if (!source.startsWith('mlc:')) return undefined;
			const [modelUrl = '', lib = ''] = source.slice(4).split('|');
			return [...new Set([hostOf(modelUrl), hostOf(lib)])];
		},
		picker: []
	},
	openai: {
		kind: 'openai',
		label: 'OpenAI-compatible server',
		pool: 'openai',
		factory: async () => {
			const { createOpenAiEngine } = await import('./openai');
			return (model, context) => {
				const apiKey = context.apiKeys?.[normalizeBaseUrl(model.source)];
				return createOpenAiEngine({ ...(apiKey ? { apiKey } : {}), ...(context.pageUrl ? { pageUrl: context.pageUrl } : {}) });
			};
		},
		concurrency: (context) => Math.max(1, Math.min(MAX_CONCURRENCY, Math.round(context.concurrency ?? DEFAULT_CONCURRENCY))),
		// Nothing is downloaded into the browser; the speed is the server's, known after the first samples.
		cost: () => ({ downloadBytes: 0 }),
		hosts: (model) => [hostOf(model.source)],
		picker: [
			{ key: 'baseUrl', label: 'Server base URL', input: 'url', placeholder: 'http://127.0.0.1:8000/v1', help: 'vLLM, llama-server, Ollama or SGLang; it must allow this page (CORS).' },
			{ key: 'apiKey', label: 'API key (optional)', input: 'password', help: 'Kept in this tab’s memory only: never stored, shared or put in a bundle.' },
			{ key: 'serverModel', label: 'Model', input: 'select', help: 'From the server’s GET /v1/models.' },
			{ key: 'label', label: 'Label', input: 'text', placeholder: 'optional' },
			{ key: 'chat', label: 'Chat model (/v1/chat/completions)', input: 'checkbox' },
			{ key: 'concurrency', label: 'Requests in flight', input: 'number', help: 'The server batches concurrent requests.' }
		]
	},
	import: {
		kind: 'import',
		label: 'imported',
		cost: () => ({ downloadBytes: 0 }),
		hosts: () => undefined,
		picker: []
	}
};

export function engineKind(kind: EngineKind): EngineKindSpec {
	return ENGINE_KINDS[kind];
}

/**
 * The cost inputs of a list of models: bytes to download, how many of unknown size, a whole-run
 * speed when every kind knows one (with the lanes its kind runs at once), and how many lanes run at
 * once (the fewest of any kind; model loads overlap by as much).
 */
export function modelsCost(
	models: readonly ModelRef[],
	facts: CostFacts,
	context: EngineContext = {}
): { downloadBytes: number; unknownDownloads: number; tokensPerSecond: number | undefined; lanes: number } {
	let downloadBytes = 0;
	let unknownDownloads = 0;
	let lanes = Infinity;
	const speeds: (number | undefined)[] = [];
	for (const m of models) {
		const spec = ENGINE_KINDS[m.engine];
		const c = spec.cost(m, facts);
		if (c.downloadBytes === undefined) unknownDownloads++;
		else downloadBytes += c.downloadBytes;
		// Even one model fills its lanes when it has enough samples (runner/laneQueue joins it).
		const mine = spec.lanes?.(context, m) ?? 1;
		lanes = Math.min(lanes, mine);
		speeds.push(c.tokensPerSecond === undefined ? undefined : c.tokensPerSecond * laneSpeedup(mine));
	}
	const known = speeds.length > 0 && speeds.every((s) => s !== undefined);
	return { downloadBytes, unknownDownloads, tokensPerSecond: known ? Math.min(...(speeds as number[])) : undefined, lanes: Number.isFinite(lanes) ? lanes : 1 };
}
