// Paged loading of a dataset split, page by page through a cache, so a second visit works offline.
import { hashString, mulberry32, randomInt } from '../core/random';
import type { DatasetRow, RowsResponse } from '../core/problems/rowsResponse';
import { fetchRows, type PageRequest } from './fetchRows';
import { DatasetError, isDatasetError } from './errors';

/** A short Retry-After is waited out (at most twice per page); a long one is told to the user. */
export const MAX_AUTO_WAIT_SECONDS = 10;

function sleep(seconds: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const t = setTimeout(resolve, seconds * 1000);
		signal?.addEventListener('abort', () => {
			clearTimeout(t);
			reject(new DatasetError('aborted', 'Loading was cancelled.'));
		}, { once: true });
	});
}

async function fetchPolitely(req: PageRequest, o: LoadRowsOptions): Promise<RowsResponse> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetchRows(req, o.signal, o.fetchImpl);
		} catch (e) {
			const wait = isDatasetError(e, 'rate-limited') ? e.retryAfter : undefined;
			if (wait === undefined || wait > MAX_AUTO_WAIT_SECONDS || attempt >= 2) throw e;
			o.onProgress?.({ pagesDone: 0, pagesTotal: 0, fromCache: 0, text: `${req.dataset}: the server asked to wait ${wait} s; waiting...` });
			await sleep(wait, o.signal);
		}
	}
}

export const PAGE_LENGTH = 100;

export interface PageCache {
	get(key: string): Promise<RowsResponse | undefined>;
	put(key: string, page: RowsResponse): Promise<void>;
}

export function memoryCache(): PageCache & { map: Map<string, RowsResponse> } {
	const map = new Map<string, RowsResponse>();
	return { map, get: async (k) => map.get(k), put: async (k, v) => void map.set(k, v) };
}

export interface LoadProgress {
	pagesDone: number;
	pagesTotal: number;
	fromCache: number;
	text: string;
}

export interface LoadRowsOptions {
	baseUrl: string;
	dataset: string;
	config: string;
	split: string;
	/** Splits larger than this are sampled by whole pages (seeded); default 2000 rows. */
	maxRows?: number;
	seed?: number;
	cache: PageCache;
	onProgress?: (p: LoadProgress) => void;
	signal?: AbortSignal;
	fetchImpl?: typeof fetch;
}

export function pageKey(r: PageRequest): string {
	return [r.baseUrl.replace(/\/+$/, ''), r.dataset, r.config, r.split, r.offset, r.length].join('|');
}

/** Which page offsets to load: all of a small split, a seeded sample of pages of a large one. */
export function pageOffsets(total: number, maxRows: number, seed: number): number[] {
	const pages = Math.ceil(total / PAGE_LENGTH);
	const all = Array.from({ length: pages }, (_, i) => i * PAGE_LENGTH);
	const want = Math.max(1, Math.floor(maxRows / PAGE_LENGTH));
	if (pages <= want) return all;
	const random = mulberry32(hashString('pages', seed >>> 0));
	for (let i = all.length - 1; i > 0; i--) {
		const j = randomInt(random, 0, i);
		[all[i], all[j]] = [all[j] as number, all[i] as number];
	}
	return all.slice(0, want).sort((a, b) => a - b);
}

export async function loadRows(o: LoadRowsOptions): Promise<{ rows: DatasetRow[]; total: number; fromCache: number }> {
	const { cache, maxRows = 2000, seed = 0 } = o;
	let fromCache = 0;
	let done = 0;
	const page = async (offset: number): Promise<RowsResponse> => {
		const req: PageRequest = { baseUrl: o.baseUrl, dataset: o.dataset, config: o.config, split: o.split, offset, length: PAGE_LENGTH };
		const key = pageKey(req);
		const hit = await cache.get(key);
		if (hit) {
			fromCache++;
			return hit;
		}
		const fresh = await fetchPolitely(req, o);
		await cache.put(key, fresh);
		return fresh;
	};
	const first = await page(0);
	const offsets = pageOffsets(first.num_rows_total, maxRows, seed);
	const report = () =>
		o.onProgress?.({
			pagesDone: done,
			pagesTotal: offsets.length,
			fromCache,
			text: `${o.dataset}: page ${done} of ${offsets.length}${fromCache ? ` (${fromCache} from this browser's cache)` : ''}`
		});
	const rows: DatasetRow[] = [];
	for (const offset of offsets) {
		const p = offset === 0 ? first : await page(offset);
		rows.push(...p.rows);
		done++;
		report();
	}
	return { rows, total: first.num_rows_total, fromCache };
}
