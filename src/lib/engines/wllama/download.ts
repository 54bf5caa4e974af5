// Fetches a model file in the browser with progress, abort and a Cache Storage copy, and turns
// network failures into words. Runs inside the engine worker.
import type { LoadProgress } from '../types';
import { fetchCappedChunks, isNetError } from '../../net';
import { AbortedError, DownloadError, QuotaError } from '../errors';

const CACHE = 'reversal-lab-gguf-v1';
/** Largest GGUF downloaded: llama.cpp in 32-bit WebAssembly cannot hold a bigger model anyway. */
export const MAX_GGUF_BYTES = 4 * 2 ** 30;

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
	let chunks: Uint8Array[];
	try {
		chunks = await fetchCappedChunks(url, {
			maxBytes: MAX_GGUF_BYTES,
			signal,
			onProgress: (loaded, total) =>
				onProgress({
					fraction: total ? loaded / total : undefined,
					text: total ? `Downloading ${mb(loaded)} / ${mb(total)} MB` : `Downloading ${mb(loaded)} MB`,
					loadedBytes: loaded,
					totalBytes: total
				})
		});
	} catch (e) {
		if (isNetError(e, 'cancelled')) throw new AbortedError();
		const offline = isNetError(e, 'network') && typeof navigator !== 'undefined' && navigator.onLine === false;
		if (offline) throw new DownloadError('offline', `You are offline, so ${url} cannot be downloaded. Connect and try again, or choose a local .gguf file.`);
		throw new DownloadError('network', e instanceof Error ? e.message : String(e));
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
