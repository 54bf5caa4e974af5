// The sentence-embedding worker: transformers.js (ONNX Runtime Web, WASM) with the ONNX runtime's
// own files served from this site, never from a CDN. Model files come from the Hub only when the
// page allows a download; afterwards they are in the browser's Cache API ("transformers-cache").
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { DownloadError, EngineError, serializeError } from '../engines/errors';
import { EMBEDDING_DTYPE, EMBEDDING_HOST, EMBEDDING_MODEL } from './config';
import { isEmbedRequest, type EmbedOptions, type EmbedReply, type EmbedRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const onnx = env.backends.onnx;
if (onnx.wasm) {
	// transformers.js points these at a CDN on import; ours are bundled assets of this site.
	onnx.wasm.wasmPaths = { wasm: new URL(ortWasm, scope.location.href).href, mjs: new URL(ortMjs, scope.location.href).href };
	onnx.wasm.numThreads = 1;
}
env.allowLocalModels = false;
// Downloads are gated here rather than by allowRemoteModels: with both local and remote models off,
// transformers.js refuses before it looks in the browser cache. A refused fetch answers 404, which
// it reports as a missing file.
let allowFetch = false;
env.fetch = (input: string | URL, init?: RequestInit) =>
	allowFetch ? fetch(input, init) : Promise.resolve(new Response('Not in the browser cache', { status: 404, statusText: 'Not cached' }));

let extractor: FeatureExtractionPipeline | undefined;
let loadedKey = '';

const reply = (m: EmbedReply) => scope.postMessage(m);

async function load(id: string, options: EmbedOptions): Promise<void> {
	const model = options.model ?? EMBEDDING_MODEL;
	const host = options.host ?? EMBEDDING_HOST;
	const key = `${host}|${model}`;
	if (extractor && loadedKey === key) return;
	env.remoteHost = host;
	// Without permission only the Cache API copy can be used (transformers.js reads it first).
	allowFetch = options.allowDownload;
	try {
		extractor = await pipeline('feature-extraction', model, {
			dtype: EMBEDDING_DTYPE,
			device: 'wasm',
			progress_callback: (p: { status: string; file?: string; loaded?: number; total?: number }) => {
				if (p.status === 'progress' && p.loaded !== undefined) {
					reply({ kind: 'embed-progress', id, loaded: p.loaded, total: p.total, file: p.file ?? '' });
				}
			}
		});
		loadedKey = key;
	} catch (e) {
		throw describeLoadError(e, model, host, options.allowDownload);
	} finally {
		allowFetch = false;
	}
}

function describeLoadError(e: unknown, model: string, host: string, allowDownload: boolean): EngineError {
	const message = e instanceof Error ? e.message : String(e);
	if (!allowDownload) {
		return new DownloadError('offline', `The sentence-embedding model ${model} is not downloaded yet (${message}).`);
	}
	if (/fetch|network|load failed/i.test(message) || e instanceof TypeError) {
		return new DownloadError(
			'offline',
			`Could not download the sentence-embedding model ${model} from ${new URL(host).host}: offline or blocked (${message}).`
		);
	}
	return new EngineError('model-load', `The sentence-embedding model ${model} could not be loaded: ${message}`);
}

async function embed(texts: string[]): Promise<Float32Array[]> {
	if (!extractor) throw new EngineError('not-loaded', 'The sentence-embedding model is not loaded.');
	const out = await extractor(texts, { pooling: 'mean', normalize: true });
	const [n, d] = out.dims as [number, number];
	const data = out.data as Float32Array;
	const vectors: Float32Array[] = [];
	for (let i = 0; i < n; i++) vectors.push(data.slice(i * d, (i + 1) * d));
	return vectors;
}

async function handle(m: EmbedRequest): Promise<void> {
	try {
		if (m.kind === 'embed-load') {
			await load(m.id, m.options);
			reply({ kind: 'embed-result', id: m.id, value: null });
		} else {
			reply({ kind: 'embed-result', id: m.id, value: await embed(m.texts) });
		}
	} catch (e) {
		reply({ kind: 'embed-error', id: m.id, error: serializeError(e) });
	}
}

scope.addEventListener('message', (event: MessageEvent) => {
	if (isEmbedRequest(event.data)) void handle(event.data);
});
