// One page of rows from a datasets-server compatible endpoint, with failures put into words.
import { parseRowsResponse, type RowsResponse } from '../core/problems/rowsResponse';
import { DatasetError } from './errors';

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

async function serverMessage(response: Response): Promise<string> {
	try {
		const body = (await response.json()) as { error?: unknown };
		return typeof body.error === 'string' ? ` It said: "${body.error.slice(0, 200)}".` : '';
	} catch {
		return '';
	}
}

export async function fetchRows(r: PageRequest, signal?: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<RowsResponse> {
	const url = rowsUrl(r);
	const what = `${r.dataset} (${r.split}, rows ${r.offset}-${r.offset + r.length - 1})`;
	let response: Response;
	try {
		response = await fetchImpl(url, { signal, headers: { accept: 'application/json' } });
	} catch (e) {
		if (signal?.aborted) throw new DatasetError('aborted', `Loading ${r.dataset} was cancelled.`);
		throw new DatasetError(
			'offline',
			`Could not reach the datasets server at ${r.baseUrl} while loading ${what}: you may be offline, or the server is down. ` +
				`Check the connection and try again; datasets loaded before stay available offline. (${e instanceof Error ? e.message : String(e)})`
		);
	}
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
	let json: unknown;
	try {
		json = await response.json();
	} catch {
		throw new DatasetError('bad-response', `The datasets server sent something that is not JSON while loading ${what}.`);
	}
	const parsed = parseRowsResponse(json);
	if (typeof parsed === 'string') throw new DatasetError('bad-response', `The datasets server's answer for ${what} is not in the expected shape: ${parsed}.`);
	return parsed;
}
