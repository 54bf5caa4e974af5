// One JSON request to an OpenAI-compatible server, with what a long run needs: 429 and 5xx retried
// with backoff (Retry-After honoured), and every other failure turned into a ServerError that says
// what went wrong and what to do. The API key goes only into the Authorization header.
import { AbortedError } from '../errors';
import { isMixedContent } from './baseUrl';
import { ServerError } from './errors';

export interface HttpDeps {
	fetch: typeof fetch;
	/** Waits `ms`, or rejects with an AbortedError when `signal` aborts. */
	sleep(ms: number, signal: AbortSignal): Promise<void>;
	/** The page's address in a browser (for mixed-content and CORS advice); undefined in Node. */
	pageUrl?: string;
	apiKey?: string;
	/** Attempts for a retryable answer (429, 5xx) or a dropped connection; default 6. */
	maxAttempts?: number;
	/** Told before each wait, e.g. to show "server busy, retrying in 4 s". */
	onRetry?(info: { attempt: number; waitMs: number; why: string }): void;
}

export const MAX_RETRY_WAIT_MS = 60_000;
const RETRY_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/** Wait before attempt `attempt + 1`: the server's Retry-After (seconds or a date), else 1, 2, 4, ... s; at most a minute. */
export function retryDelay(attempt: number, retryAfter: string | null, now = Date.now()): number {
	if (retryAfter) {
		const seconds = Number(retryAfter);
		const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
		if (Number.isFinite(ms)) return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, ms));
	}
	return Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** attempt);
}

/** The server's own words from an error body ({error: {message}}, {error: "..."}, {message}, or text). */
export function serverMessage(body: string): string {
	try {
		const j = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
		const e = j.error;
		if (typeof e === 'string') return e;
		if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
		if (typeof j.message === 'string') return j.message;
		if (typeof j.detail === 'string') return j.detail;
	} catch {
		// not JSON: the text itself
	}
	const text = body.replace(/\s+/g, ' ').trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function originOf(pageUrl: string | undefined): string {
	try {
		return pageUrl ? new URL(pageUrl).origin : 'this page';
	} catch {
		return 'this page';
	}
}

export function corsAdvice(baseUrl: string, pageUrl: string | undefined): string {
	const origin = originOf(pageUrl);
	return (
		`The browser could not read ${baseUrl}: the server does not allow this page's origin (${origin}) to call it (CORS). ` +
		`vLLM allows every origin unless started with --allowed-origins (add '["${origin}"]'); llama-server allows every origin (check a proxy in front of it); ` +
		`Ollama needs OLLAMA_ORIGINS=${origin} in its environment; SGLang allows every origin. Or run the study from the command line (reversal-lab sample).`
	);
}

async function networkFailure(deps: HttpDeps, url: string, baseUrl: string, signal: AbortSignal, cause: unknown): Promise<ServerError> {
	const why = cause instanceof Error && cause.cause instanceof Error ? ` (${(cause.cause as Error & { code?: string }).code ?? cause.cause.message})` : '';
	if (deps.pageUrl) {
		// A browser hides why a request failed. A no-cors request reaches the server without reading
		// its answer: if it gets through, the host is up and CORS is what failed.
		const reachable = await deps
			.fetch(url, { mode: 'no-cors', signal })
			.then(() => true)
			.catch(() => false);
		if (signal.aborted) return new ServerError('unreachable', 'Stopped on request.');
		if (reachable) return new ServerError('cors', corsAdvice(baseUrl, deps.pageUrl));
	}
	return new ServerError(
		'unreachable',
		`Cannot reach the server at ${baseUrl}${why}: check that it is running and the address and port are right (from a browser, also that the server allows this page's origin: CORS). Samples saved so far are kept; resume when it is up.`
	);
}

/**
 * Sends one request and returns its parsed JSON body. Retries 429/5xx answers (and, when
 * `retryNetwork`, dropped connections) up to maxAttempts; throws a ServerError otherwise.
 */
export async function requestJson(
	deps: HttpDeps,
	baseUrl: string,
	path: string,
	init: { method: 'GET' | 'POST'; body?: unknown },
	signal: AbortSignal,
	options: { retryNetwork?: boolean; model?: string } = {}
): Promise<{ json: unknown; headers: Headers }> {
	const url = `${baseUrl}${path}`;
	if (isMixedContent(deps.pageUrl, baseUrl)) {
		throw new ServerError(
			'mixed-content',
			`This page is served over https, so the browser blocks requests to the http:// server ${baseUrl} (mixed content). Serve the model over https (a reverse proxy with a certificate), open the app over http://localhost, or use the command line (reversal-lab sample).`
		);
	}
	const headers: Record<string, string> = { accept: 'application/json' };
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	if (deps.apiKey) headers.authorization = `Bearer ${deps.apiKey}`;
	const attempts = Math.max(1, deps.maxAttempts ?? 6);
	for (let attempt = 0; ; attempt++) {
		if (signal.aborted) throw new AbortedError();
		let response: Response;
		try {
			response = await deps.fetch(url, {
				method: init.method,
				headers,
				...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
				signal
			});
		} catch (e) {
			if (signal.aborted) throw new AbortedError();
			if (options.retryNetwork && attempt + 1 < attempts) {
				const waitMs = retryDelay(attempt, null);
				deps.onRetry?.({ attempt: attempt + 1, waitMs, why: 'connection failed' });
				await deps.sleep(waitMs, signal);
				continue;
			}
			throw await networkFailure(deps, url, baseUrl, signal, e);
		}
		let text: string;
		try {
			text = await response.text();
		} catch (e) {
			if (signal.aborted) throw new AbortedError();
			if (options.retryNetwork && attempt + 1 < attempts) continue;
			throw new ServerError('unreachable', `The connection to ${baseUrl} broke while reading the answer (${e instanceof Error ? e.message : String(e)}); resume to try again.`);
		}
		if (response.ok) {
			try {
				return { json: JSON.parse(text) as unknown, headers: response.headers };
			} catch {
				throw new ServerError('malformed', `${url} answered ${response.status} with something that is not JSON ("${serverMessage(text)}"): is the base URL that of an OpenAI-compatible API (usually ending in /v1)?`, response.status);
			}
		}
		const said = serverMessage(text);
		const status = response.status;
		if (RETRY_STATUS.has(status) && attempt + 1 < attempts) {
			const waitMs = retryDelay(attempt, response.headers.get('retry-after'));
			deps.onRetry?.({ attempt: attempt + 1, waitMs, why: `${status}${said ? `: ${said}` : ''}` });
			await deps.sleep(waitMs, signal);
			continue;
		}
		throw statusError(status, said, url, baseUrl, options.model, attempts);
	}
}

function statusError(status: number, said: string, url: string, baseUrl: string, model: string | undefined, attempts: number): ServerError {
	const quoted = said ? ` ("${said}")` : '';
	if (status === 401) {
		return new ServerError('unauthorized', `The server at ${baseUrl} refused the request: wrong or missing API key (401${quoted}). Check the key you gave (it is kept only in this tab's memory, so give it again after a reload).`, status);
	}
	if (status === 403) return new ServerError('forbidden', `The server at ${baseUrl} forbids this request (403${quoted}): the API key lacks access to this model or endpoint.`, status);
	if (status === 404) {
		if (model && /model/i.test(said)) {
			return new ServerError('model-not-served', `The server at ${baseUrl} does not serve the model "${model}" (404${quoted}). Choose one of the models it lists (GET /v1/models).`, status);
		}
		return new ServerError('not-found', `${url} does not exist (404${quoted}): is ${baseUrl} the OpenAI-compatible base URL (usually ending in /v1)?`, status);
	}
	if (status === 429) return new ServerError('rate-limited', `The server at ${baseUrl} kept answering "too many requests" (429${quoted}) after ${attempts} attempts: lower the concurrency, then resume.`, status);
	if (status >= 500) return new ServerError('server-error', `The server at ${baseUrl} failed (${status}${quoted}) ${attempts} times in a row: check its log, then resume.`, status);
	return new ServerError('bad-request', `The server at ${baseUrl} refused the request (${status}${quoted}).`, status);
}
