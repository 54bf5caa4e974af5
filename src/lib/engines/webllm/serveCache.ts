// Worker side of cacheProtocol.ts; the cache functions come in as parameters (testable).
import type { AppConfig } from '@mlc-ai/web-llm';
import type { MessageEndpoint } from '../protocol';
import { serializeError } from '../errors';
import { isCacheRequest, type CacheReply, type CacheRequest } from './cacheProtocol';
import type { CachedModel } from './modelCache';
import { resolveTarget } from './target';

export interface CacheOps {
	appConfig: AppConfig;
	version: string;
	status(modelIds: string[], appConfig: AppConfig): Promise<CachedModel[]>;
	remove(modelId: string, appConfig: AppConfig): Promise<void>;
}

export function serveCache(endpoint: MessageEndpoint, ops: CacheOps): () => void {
	const reply = (m: CacheReply) => endpoint.postMessage(m);
	async function handle(m: CacheRequest): Promise<void> {
		try {
			switch (m.kind) {
				case 'webllm-models':
					reply({ kind: 'webllm-result', id: m.id, value: { version: ops.version, models: ops.appConfig.model_list } });
					break;
				case 'webllm-cache-status': {
					const out: CachedModel[] = [];
					for (const source of m.sources) {
						const t = resolveTarget({ source }, ops.appConfig);
						out.push(...(await ops.status([t.modelId], t.appConfig)));
					}
					reply({ kind: 'webllm-result', id: m.id, value: out });
					break;
				}
				case 'webllm-cache-delete': {
					const t = resolveTarget({ source: m.source }, ops.appConfig);
					await ops.remove(t.modelId, t.appConfig);
					reply({ kind: 'webllm-result', id: m.id, value: null });
					break;
				}
			}
		} catch (e) {
			reply({ kind: 'webllm-error', id: m.id, error: serializeError(e) });
		}
	}
	const listener = (event: MessageEvent) => {
		if (isCacheRequest(event.data)) void handle(event.data);
	};
	endpoint.addEventListener('message', listener);
	return () => endpoint.removeEventListener('message', listener);
}
