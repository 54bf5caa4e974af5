// Fetches a model file in the browser with progress, abort and a Cache Storage copy, and turns
// network failures into words. Runs inside the engine worker.
import type { LoadProgress } from '../types';
import { AbortedError, DownloadError, QuotaError } from '../errors';

const CACHE = 'reversal-lab-gguf-v1';

function mb(n: number): string {
	return (n / 1e6).toFixed(n < 1e7 ? 1 : 0);
}

export async function download(url: string, useCache: boolean, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<Blob> {
	const cache = useCache && typeof caches !== 'undefined' ? await caches.open(CACHE).catch(() => undefined) : undefined;
	const hit = await cache?.match(url);
	if (hit) {
		const blob = await hit.blob();
		onProgress({ fraction: 1, text: `Loaded ${mb(blob.size)} MB from the browser cache`, loadedBytes: blob.size, totalBytes: blob.size });
		return blob;
	}
	let response: Response;
	try {
		response = await fetch(url, { signal });
	} catch (e) {
		if (signal.aborted) throw new AbortedError();
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		throw new DownloadError(
			offline ? 'offline' : 'network',
			offline
				? `You are offline, so ${url} cannot be downloaded. Connect and try again, or choose a local .gguf file.`
				: `Could not download ${url} (${e instanceof Error ? e.message : String(e)}). Check the address and your connection; the server must allow cross-origin requests (CORS).`
		);
	}
	if (!response.ok) {
		throw new DownloadError('network', `The server answered ${response.status} ${response.statusText} for ${url}. Check the address (and that the file is public).`);
	}
	const total = Number(response.headers.get('content-length')) || undefined;
	const reader = response.body?.getReader();
	if (!reader) return response.blob();
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	for (;;) {
		let part: ReadableStreamReadResult<Uint8Array>;
		try {
			part = await reader.read();
		} catch (e) {
			if (signal.aborted) throw new AbortedError();
			throw new DownloadError('network', `The download of ${url} broke off after ${mb(loaded)} MB (${e instanceof Error ? e.message : String(e)}). Try again.`);
		}
		if (part.done) break;
		chunks.push(part.value);
		loaded += part.value.byteLength;
		onProgress({
			fraction: total ? loaded / total : undefined,
			text: total ? `Downloading ${mb(loaded)} / ${mb(total)} MB` : `Downloading ${mb(loaded)} MB`,
			loadedBytes: loaded,
			totalBytes: total
		});
	}
	if (total !== undefined && loaded !== total) {
		throw new DownloadError('network', `The download of ${url} stopped at ${mb(loaded)} of ${mb(total)} MB. Try again.`);
	}
	const blob = new Blob(chunks as BlobPart[]);
	if (cache) {
		try {
			await cache.put(url, new Response(blob, { headers: { 'content-length': String(blob.size) } }));
		} catch (e) {
			// A full disk must not cost the download in hand: keep going without the cached copy.
			if (!(e instanceof DOMException && e.name === 'QuotaExceededError')) throw e;
			console.warn(new QuotaError().message);
		}
	}
	return blob;
}
