// What WebLLM has cached, and removing it. Runs in the WebLLM worker (Cache API). A download that
// broke off leaves some files and no complete set: that is reported as "partial", so the page can
// offer to resume or delete it rather than leaving a silently broken cache.
import { deleteModelAllInfoInCache, hasModelInCache, type AppConfig } from '@mlc-ai/web-llm';

export interface CachedModel {
	modelId: string;
	state: 'complete' | 'partial';
	/** Bytes stored, summed from the cached responses' Content-Length; undefined when unknown. */
	bytes: number | undefined;
}

const SCOPES = ['webllm/model', 'webllm/config', 'webllm/wasm'] as const;

/** Same rule as WebLLM: ".../MODEL" -> ".../MODEL/resolve/main/". */
export function modelBaseUrl(model: string): string {
	let url = model.endsWith('/') ? model : `${model}/`;
	if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
	return new URL(url, globalThis.location?.href).href;
}

export async function cacheStatus(modelIds: readonly string[], appConfig: AppConfig): Promise<CachedModel[]> {
	if (typeof caches === 'undefined') return [];
	const keys = await cachedUrls();
	const out: CachedModel[] = [];
	for (const modelId of modelIds) {
		const record = appConfig.model_list.find((r) => r.model_id === modelId);
		if (!record) continue;
		const base = modelBaseUrl(record.model);
		const mine = keys.filter((k) => k.url.startsWith(base));
		if (mine.length === 0) continue;
		const complete = await hasModelInCache(modelId, appConfig).catch(() => false);
		const sizes = mine.map((k) => k.bytes);
		out.push({
			modelId,
			state: complete ? 'complete' : 'partial',
			bytes: sizes.every((b) => b !== undefined) ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined
		});
	}
	return out;
}

/** Delete every cached file of a model, even when its file list itself never arrived. */
export async function deleteCachedModel(modelId: string, appConfig: AppConfig): Promise<void> {
	const record = appConfig.model_list.find((r) => r.model_id === modelId);
	if (!record) return;
	// WebLLM's own deletion reads the model's file list from the cache and, when that is missing
	// (an early interruption), from the network: it may fail, so sweep by URL afterwards.
	await deleteModelAllInfoInCache(modelId, appConfig).catch(() => undefined);
	const base = modelBaseUrl(record.model);
	for (const scope of SCOPES) {
		const cache = await caches.open(scope);
		for (const req of await cache.keys()) {
			if (req.url.startsWith(base) || req.url === record.model_lib) await cache.delete(req);
		}
	}
}

async function cachedUrls(): Promise<{ url: string; bytes: number | undefined }[]> {
	const out: { url: string; bytes: number | undefined }[] = [];
	for (const scope of SCOPES) {
		if (!(await caches.has(scope))) continue;
		const cache = await caches.open(scope);
		for (const req of await cache.keys()) {
			const res = await cache.match(req);
			const len = res?.headers.get('content-length');
			out.push({ url: req.url, bytes: len ? Number(len) : undefined });
		}
	}
	return out;
}
