// Every download of something someone else names (a ?bundle= URL, a dataset page, a GGUF by URL)
// has a size cap, checked against Content-Length and again while the bytes arrive, a timeout
// when no byte arrives, and a cancel.
import { concatBytes } from '$lib/core/study/concatBytes';
import { NetError } from './errors';

export interface FetchCappedOptions {
	/** Most bytes accepted, counted after the browser undid any Content-Encoding (so a gzip-encoded bomb stops too). */
	maxBytes: number;
	/** Milliseconds without a byte (or without the response headers) before giving up; default 30 s. */
	idleMs?: number;
	/** Aborting it cancels the download. */
	signal?: AbortSignal;
	onProgress?: (loaded: number, total: number | undefined) => void;
	init?: RequestInit;
	/** Sees the response before its body (its status, its headers); what it throws is the error. */
	onResponse?: (response: Response) => void | Promise<void>;
	/** The fetch to use (tests); the global one by default. */
	fetchImpl?: typeof fetch;
}

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/** The body of `url` as bytes, or a NetError: 'cancelled', 'timeout', 'too-large', 'http' or 'network'. */
export async function fetchCapped(url: string, options: FetchCappedOptions): Promise<Uint8Array> {
	return concatBytes(await fetchCappedChunks(url, options));
}

/** fetchCapped's body as the chunks that arrived (for a Blob of a large model, without one more copy). */
export async function fetchCappedChunks(
	url: string,
	{ maxBytes, idleMs = 30_000, signal, onProgress, init, onResponse, fetchImpl = fetch }: FetchCappedOptions
): Promise<Uint8Array[]> {
	const controller = new AbortController();
	let why: NetError | undefined;
	const stop = (e: NetError) => {
		why ??= e;
		controller.abort();
	};
	const cancel = () => stop(new NetError('cancelled', `The download of ${url} was cancelled.`));
	if (signal?.aborted) cancel();
	signal?.addEventListener('abort', cancel, { once: true });
	let loaded = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(
			() => stop(new NetError('timeout', `No data from ${url} for ${idleMs / 1000} s (${mb(loaded)} received); the server stalled. Try again later, or download the file and open it.`)),
			idleMs
		);
	};
	const tooLarge = (what: string) =>
		new NetError('too-large', `${url} is too large (${what}; the limit is ${mb(maxBytes)}); download it, filter or split it, then open it.`);
	try {
		arm();
		let response: Response;
		try {
			response = await fetchImpl(url, { ...init, signal: controller.signal });
		} catch (e) {
			throw why ?? new NetError('network', `Could not reach ${url} (${e instanceof Error ? e.message : String(e)}). Check the address and your connection; the server must allow cross-origin requests (CORS).`);
		}
		await onResponse?.(response);
		if (!response.ok) throw new NetError('http', `The server answered ${`${response.status} ${response.statusText}`.trim()} for ${url}. Check the address (and that the file is public).`);
		const declared = Number(response.headers.get('content-length')) || undefined;
		// Content-Length counts encoded bytes; with a Content-Encoding the decoded size is checked as it streams.
		if (declared !== undefined && declared > maxBytes && !response.headers.get('content-encoding')) {
			await response.body?.cancel().catch(() => undefined);
			throw tooLarge(`${mb(declared)} announced`);
		}
		const total = response.headers.get('content-encoding') ? undefined : declared;
		const reader = response.body?.getReader();
		const chunks: Uint8Array[] = [];
		if (reader) {
			for (;;) {
				arm();
				let part: ReadableStreamReadResult<Uint8Array>;
				try {
					part = await reader.read();
				} catch (e) {
					throw why ?? new NetError('network', `The download of ${url} broke off after ${mb(loaded)} (${e instanceof Error ? e.message : String(e)}). Try again.`);
				}
				if (part.done) break;
				loaded += part.value.byteLength;
				if (loaded > maxBytes) {
					await reader.cancel().catch(() => undefined);
					throw tooLarge(`stopped after ${mb(loaded)}`);
				}
				chunks.push(part.value);
				onProgress?.(loaded, total);
			}
		}
		if (total !== undefined && loaded !== total) throw new NetError('network', `The download of ${url} stopped at ${mb(loaded)} of ${mb(total)}. Try again.`);
		return chunks;
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', cancel);
	}
}
