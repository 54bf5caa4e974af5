// The WebLLM catalogue store: model list, cache state and downloads, all through one WebLLM
// worker created on first use (WebLLM's library never loads in the page itself).
import type { ModelRef } from '$lib/core/types';
import { buildCatalogue, modelRefFor, type CatalogueEntry } from '$lib/engines/webllm/catalogue';
import type { CachedModel } from '$lib/engines/webllm/modelCache';
import { WebllmClient } from '$lib/engines/webllm';
import { toEngineError, type EngineErrorCode } from '$lib/engines/errors';

export interface DownloadState {
	id: string;
	fraction: number | undefined;
	text: string;
}
export interface CatalogueError {
	id: string;
	code: EngineErrorCode | 'refused';
	message: string;
}

class WebllmCatalogueStore {
	entries = $state<CatalogueEntry[]>([]);
	custom = $state<CatalogueEntry[]>([]);
	cached = $state<Record<string, CachedModel>>({});
	version = $state('');
	ready = $state(false);
	listError = $state<string | undefined>(undefined);
	download = $state<DownloadState | undefined>(undefined);
	error = $state<CatalogueError | undefined>(undefined);
	#client: WebllmClient | undefined;
	#abort: AbortController | undefined;
	#shaderF16: boolean | undefined;

	#getClient(): WebllmClient {
		this.#client ??= new WebllmClient();
		return this.#client;
	}

	/** Load the model list for an adapter with (or without) shader-f16. */
	async init(shaderF16: boolean): Promise<void> {
		if (this.ready && this.#shaderF16 === shaderF16) return;
		this.#shaderF16 = shaderF16;
		try {
			const { version, models } = await this.#getClient().models();
			this.version = version;
			this.entries = buildCatalogue(models, shaderF16);
			this.ready = true;
			await this.refreshCache();
		} catch (e) {
			this.listError = `The WebLLM model list could not be loaded: ${toEngineError(e).message}`;
		}
	}

	all(): CatalogueEntry[] {
		return [...this.entries, ...this.custom];
	}

	async refreshCache(): Promise<void> {
		const list = await this.#getClient().cacheStatus(this.all().map((e) => modelRefFor(e).source));
		this.cached = Object.fromEntries(list.map((c) => [c.modelId, c]));
	}

	addCustom(entry: CatalogueEntry): void {
		this.custom = [...this.custom.filter((e) => e.id !== entry.id), entry];
	}

	refuse(entry: CatalogueEntry, message: string): void {
		this.error = { id: entry.id, code: 'refused', message };
	}

	/**
	 * Download (and compile once, to prove it runs) a model, then free the GPU. Resolves with the
	 * ModelRef when the model is ready, undefined after an error (this.error says what happened).
	 */
	async fetch(entry: CatalogueEntry, order = 0): Promise<ModelRef | undefined> {
		if (this.download) return undefined;
		const ref = modelRefFor(entry, order);
		this.error = undefined;
		this.#abort = new AbortController();
		this.download = { id: entry.id, fraction: 0, text: 'Starting…' };
		const engine = this.#getClient().engine;
		try {
			await engine.load(ref, (p) => (this.download = { id: entry.id, fraction: p.fraction, text: p.text }), this.#abort.signal);
			await engine.unload();
			return ref;
		} catch (e) {
			const err = toEngineError(e);
			this.error = { id: entry.id, code: err.code, message: err.message };
			return undefined;
		} finally {
			this.download = undefined;
			this.#abort = undefined;
			await this.refreshCache().catch(() => undefined);
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	async remove(entry: CatalogueEntry): Promise<void> {
		try {
			await this.#getClient().deleteCached(modelRefFor(entry).source);
		} catch (e) {
			this.error = { id: entry.id, code: toEngineError(e).code, message: `Could not delete ${entry.id}: ${toEngineError(e).message}` };
		}
		await this.refreshCache().catch(() => undefined);
	}
}

export const webllmCatalogue = new WebllmCatalogueStore();
