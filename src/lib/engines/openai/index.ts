// The openai engine kind: an adapter to any OpenAI-compatible server, run in the caller's thread.
import { abortableSleep, OpenAiEngine } from './openaiEngine';

export { listServerModels, OpenAiEngine, samplingBody, abortableSleep, type ListedModel, type OpenAiDeps } from './openaiEngine';
export { normalizeBaseUrl, isMixedContent } from './baseUrl';
export { ServerError, isServerError, type ServerErrorReason } from './errors';
export { requestJson, retryDelay, serverMessage, corsAdvice, type HttpDeps } from './http';

export interface OpenAiEngineOptions {
	/** Kept in memory only: never stored, logged or put in a bundle. */
	apiKey?: string;
	/** The page's address (browser), for mixed-content and CORS advice. */
	pageUrl?: string;
	fetch?: typeof fetch;
	onRetry?: (info: { attempt: number; waitMs: number; why: string }) => void;
}

export function createOpenAiEngine(options: OpenAiEngineOptions = {}): OpenAiEngine {
	const f = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
	return new OpenAiEngine({
		fetch: f,
		sleep: abortableSleep,
		now: () => performance.now(),
		...(options.apiKey ? { apiKey: options.apiKey } : {}),
		...(options.pageUrl ? { pageUrl: options.pageUrl } : {}),
		...(options.onRetry ? { onRetry: options.onRetry } : {})
	});
}
