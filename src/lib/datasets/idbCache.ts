// The page cache in IndexedDB: one record per fetched page, keyed by endpoint, dataset and offset.
import type { RowsResponse } from '../core/problems/rowsResponse';
import type { PageCache } from './loadRows';

const DB = 'reversal-lab-datasets';
const STORE = 'pages';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
	});
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(STORE, mode);
		const req = f(tx.objectStore(STORE));
		tx.oncomplete = () => resolve(req.result);
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
	});
}

/** A cache that degrades to no cache when IndexedDB is unavailable (private mode, old browsers). */
export function idbCache(): PageCache & { clear(): Promise<void>; count(): Promise<number> } {
	let db: Promise<IDBDatabase | undefined> | undefined;
	const get = () => (db ??= typeof indexedDB === 'undefined' ? Promise.resolve(undefined) : open().catch(() => undefined));
	return {
		async get(key) {
			const d = await get();
			return d ? ((await run(d, 'readonly', (s) => s.get(key))) as RowsResponse | undefined) : undefined;
		},
		async put(key, page) {
			const d = await get();
			// A full quota must not lose the rows just fetched: they are still returned to the caller.
			if (d) await run(d, 'readwrite', (s) => s.put(page, key)).catch(() => undefined);
		},
		async clear() {
			const d = await get();
			if (d) await run(d, 'readwrite', (s) => s.clear());
		},
		async count() {
			const d = await get();
			return d ? run(d, 'readonly', (s) => s.count()) : 0;
		}
	};
}
