// Semantic diversity's sentence embedder, seen from the page. computeReport is synchronous, so the
// vectors are computed here first (in a worker) and handed over as a lookup embedder; when the
// model is unavailable the report keeps the offline fallback and says why.
import { hashedNgramEmbedder, lookupEmbedder, type Embedder } from '../core/metrics';
import { rebuildError, toEngineError, WorkerCrashError, type EngineError } from '../engines/errors';
import { batches, embedderName, EMBEDDING_MODEL, uniqueTexts } from './config';
import { isEmbedReply, type EmbedOptions, type EmbedReply, type EmbedRequest } from './protocol';

export interface EmbedProgress {
	/** Bytes of model downloaded, when downloading. */
	loaded?: number;
	total?: number;
	/** Texts embedded so far, of all. */
	done?: number;
	of?: number;
}

export interface PreparedEmbedder {
	embedder: Embedder;
	neural: boolean;
	/** Why the fallback is used, in words for the report; undefined when neural. */
	fallbackReason?: string;
}

type Body<K extends EmbedRequest['kind']> = Omit<Extract<EmbedRequest, { kind: K }>, 'id' | 'kind'>;

/** One embeddings worker, created on first use. */
export class SentenceEmbedder {
	#worker: Worker | undefined;
	#pending = new Map<string, { resolve(v: unknown): void; reject(e: EngineError): void; progress?: (m: EmbedReply) => void }>();

	#getWorker(): Worker {
		if (this.#worker) return this.#worker;
		const worker = new Worker(new URL('./embeddings.worker.ts', import.meta.url), { type: 'module', name: 'embeddings' });
		worker.addEventListener('message', (event: MessageEvent) => {
			const m: unknown = event.data;
			if (!isEmbedReply(m)) return;
			const p = this.#pending.get(m.id);
			if (!p) return;
			if (m.kind === 'embed-progress') return p.progress?.(m);
			this.#pending.delete(m.id);
			if (m.kind === 'embed-result') p.resolve(m.value);
			else p.reject(rebuildError(m.error));
		});
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			for (const p of this.#pending.values()) p.reject(new WorkerCrashError(`The embeddings worker stopped: ${event.message || 'unknown error'}.`));
			this.#pending.clear();
			this.#worker = undefined;
		});
		this.#worker = worker;
		return worker;
	}

	#call<K extends EmbedRequest['kind']>(kind: K, body: Body<K>, progress?: (m: EmbedReply) => void): Promise<unknown> {
		const id = crypto.randomUUID();
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject, progress });
			this.#getWorker().postMessage({ kind, id, ...body } as unknown as EmbedRequest);
		});
	}

	/** Load the model (from the browser cache, or downloaded when allowed). */
	async load(options: EmbedOptions, onProgress?: (p: EmbedProgress) => void): Promise<void> {
		await this.#call('embed-load', { options }, (m) => {
			if (m.kind === 'embed-progress') onProgress?.({ loaded: m.loaded, total: m.total });
		});
	}

	/** Vectors for every distinct text (each embedded once), keyed by the text. */
	async embedAll(texts: readonly string[], onProgress?: (p: EmbedProgress) => void): Promise<Map<string, Float32Array>> {
		const unique = uniqueTexts(texts);
		const out = new Map<string, Float32Array>();
		for (const batch of batches(unique)) {
			const vectors = (await this.#call('embed-texts', { texts: batch })) as Float32Array[];
			batch.forEach((t, i) => {
				const v = vectors[i];
				if (v) out.set(t, v);
			});
			onProgress?.({ done: out.size, of: unique.length });
		}
		return out;
	}

	terminate(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}

export type PreparedVectors =
	| { neural: true; name: string; vectors: Map<string, Float32Array> }
	| { neural: false; fallbackReason: string };

/**
 * Vectors for a report computed in another worker: a Map and a name cross postMessage, and the
 * report worker builds lookupEmbedder(name, vectors) itself.
 */
export async function prepareVectors(
	texts: readonly string[],
	options: EmbedOptions,
	onProgress?: (p: EmbedProgress) => void,
	client: SentenceEmbedder = new SentenceEmbedder()
): Promise<PreparedVectors> {
	try {
		await client.load(options, onProgress);
		const vectors = await client.embedAll(texts, onProgress);
		return { neural: true, name: embedderName(options.model ?? EMBEDDING_MODEL), vectors };
	} catch (e) {
		return {
			neural: false,
			fallbackReason: `${toEngineError(e).message} Semantic diversity uses the offline fallback (hashed n-gram cosine) instead.`
		};
	}
}

/**
 * The embedder for a report over these texts: the neural one when its model loads (downloading
 * it only when allowed), else the offline fallback with the reason.
 */
export async function prepareEmbedder(
	texts: readonly string[],
	options: EmbedOptions,
	onProgress?: (p: EmbedProgress) => void,
	client: SentenceEmbedder = new SentenceEmbedder()
): Promise<PreparedEmbedder> {
	const prepared = await prepareVectors(texts, options, onProgress, client);
	return prepared.neural
		? { embedder: lookupEmbedder(prepared.name, prepared.vectors), neural: true }
		: { embedder: hashedNgramEmbedder(), neural: false, fallbackReason: prepared.fallbackReason };
}
