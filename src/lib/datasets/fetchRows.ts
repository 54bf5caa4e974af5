// One page of rows from a datasets-server compatible endpoint, with failures put into words.
import { parseRowsResponse, type RowsResponse } from '../core/problems/rowsResponse';
import { DatasetError } from './errors';
import { fetchCapped, isNetError } from '../net';

/** Most bytes one page of rows may take (100 rows of MATH are about 100 KB), and the idle timeout. */
export const PAGE_LIMITS = { maxBytes: 16e6, idleMs: 30_000 };

/** The public Hugging Face endpoint; tests and the ?datasets= parameter point elsewhere. */
export const DEFAULT_DATASETS_BASE = 'https://datasets-server.huggingface.co';

export interface PageRequest {
	baseUrl: string;
	dataset: string;
	config: string;
	split: string;
	offset: number;
	/** At most 100 (the server's page limit). */
	length: number;
}

export function rowsUrl(r: PageRequest): string {
	const base = r.baseUrl.replace(/\/+$/, '');
	const q = new URLSearchParams({ dataset: r.dataset, config: r.config, split: r.split, offset: String(r.offset), length: String(r.length) });
	return `${base}/rows?${q}`;
}

/** The server's own error message, read from at most 64 KB of its answer. */
async function serverMessage(response: Response): Promise<string> {
	try {
		const reader = response.body?.getReader();
		const parts: Uint8Array[] = [];
		let size = 0;
		while (reader && size < 65_536) {
			const part = await reader.read();
			if (part.done) break;
			parts.push(part.value);
			size += part.value.byteLength;
		}
		await reader?.cancel().catch(() => undefined);
		const body = JSON.parse(new TextDecoder().decode(new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer()))) as { error?: unknown };
		return typeof body.error === 'string' ? ` It said: "${body.error.slice(0, 200)}".` : '';
	} catch {
		return '';
	}
}

/** One page of rows, through the capped downloader (PAGE_LIMITS: size cap, idle timeout). */
export async function fetchRows(
	r: PageRequest,
	signal?: AbortSignal,
	fetchImpl: typeof fetch = fetch,
	limits: { maxBytes: number; idleMs: number } = PAGE_LIMITS
): Promise<RowsResponse> {
	const url = rowsUrl(r);
	const what = `${r.dataset} (${r.split}, rows ${r.offset}-${r.offset + r.length - 1})`;
	let bytes: Uint8Array;
	try {
		bytes = await fetchCapped(url, {
			...limits,
			...(signal ? { signal } : {}),
			fetchImpl,
			init: { headers: { accept: 'application/json' } },
			onResponse: (response) => refuse(response, what)
		});
	} catch (e) {
		if (e instanceof DatasetError) throw e;
		if (signal?.aborted || isNetError(e, 'cancelled')) throw new DatasetError('aborted', `Loading ${r.dataset} was cancelled.`);
		if (isNetError(e, 'timeout'))
			throw new DatasetError(
				'timeout',
				`The datasets server at ${r.baseUrl} sent nothing for ${limits.idleMs / 1000} s while loading ${what}; it may be overloaded. ` +
					`Try again later; pages already loaded are kept.`
			);
		if (isNetError(e, 'too-large'))
			throw new DatasetError(
				'too-large',
				`The datasets server's answer for ${what} is over ${limits.maxBytes / 1e6} MB, far more than a page of rows takes; ` +
					`check the datasets address (?datasets=), or upload the dataset's file on the Problems page instead.`
			);
		throw new DatasetError(
			'offline',
			`Could not reach the datasets server at ${r.baseUrl} while loading ${what}: you may be offline, or the server is down. ` +
				`Check the connection and try again; datasets loaded before stay available offline. (${e instanceof Error ? e.message : String(e)})`
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		throw new DatasetError('bad-response', `The datasets server sent something that is not JSON while loading ${what}.`);
	}
	const parsed = parseRowsResponse(json);
	if (typeof parsed === 'string') throw new DatasetError('bad-response', `The datasets server's answer for ${what} is not in the expected shape: ${parsed}.`);
	return parsed;
}

/** A refusal in words (429 with its wait, other statuses with the server's message), before any body is read. */
async function refuse(response: Response, what: string): Promise<void> {
	if (response.status === 429) {
		const header = response.headers.get('retry-after');
		const wait = header && /^\d+$/.test(header) ? Number(header) : undefined;
		throw new DatasetError(
			'rate-limited',
			`The datasets server is limiting requests (HTTP 429 Too Many Requests) while loading ${what}. ` +
				`Wait ${wait !== undefined ? `${wait} seconds` : 'a minute'} and try again; pages already loaded are kept.`,
			429,
			wait
		);
	}
	if (!response.ok) {
		throw new DatasetError(
			'http',
			`The datasets server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} while loading ${what}.` +
				`${await serverMessage(response)} ${response.status >= 500 ? 'The server has a problem: try again later.' : 'Check the dataset name, config and split.'}`,
			response.status
		);
	}
}
