// Persistence of studies and samples in IndexedDB, written so that every sample is committed the
// moment it exists. Stores: studies (by id), samples (by [study, model, problem, index]),
// files (local model files by [study, model], so a reload can resume a study that uses one),
// trained (models the live loop trained), uploads (the problem set a user uploaded).
import { sampleKey, type ModelRef, type Problem, type Sample, type TrainingRecord } from '../core/types';
import { QuotaError } from '../engines/errors';
import type { StoredStudy, StudySummary } from './types';

export interface StoredSample extends Sample {
	study: string;
}

/** What the runner needs from persistence; IndexedDB in the app. */
export interface RunStore {
	putStudy(study: StoredStudy): Promise<void>;
	getStudy(id: string): Promise<StoredStudy | undefined>;
	listStudies(): Promise<StudySummary[]>;
	deleteStudy(id: string): Promise<void>;
	putSample(study: string, sample: Sample): Promise<void>;
	getSamples(study: string): Promise<Sample[]>;
	doneKeys(study: string): Promise<Set<string>>;
	putFile(study: string, model: string, file: Blob): Promise<void>;
	getFile(study: string, model: string): Promise<Blob | undefined>;
}

const DB_NAME = 'reversal-lab-runs';
/**
 * 2 added `trained`: models the live loop trained, kept across studies (a new demo run keeps them).
 * 3 added `uploads`: the problems a user uploaded, so a reload does not lose them.
 */
const DB_VERSION = 3;

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});
}

/** Resolves when the transaction has committed; a full disk becomes a QuotaError. */
function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		const fail = () => {
			const e = tx.error;
			reject(e?.name === 'QuotaExceededError' ? new QuotaError() : (e ?? new Error('IndexedDB transaction aborted')));
		};
		tx.onerror = fail;
		tx.onabort = fail;
	});
}

export function openRunDb(name = DB_NAME): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const r = indexedDB.open(name, DB_VERSION);
		r.onupgradeneeded = (e) => {
			const db = r.result;
			if (e.oldVersion < 1) {
				db.createObjectStore('studies', { keyPath: 'id' });
				const samples = db.createObjectStore('samples', { keyPath: ['study', 'model', 'problem', 'index'] });
				samples.createIndex('byStudy', 'study');
				db.createObjectStore('files', { keyPath: ['study', 'model'] });
			}
			if (e.oldVersion < 2) db.createObjectStore('trained', { keyPath: 'ref.id' });
			if (e.oldVersion < 3) db.createObjectStore('uploads', { keyPath: 'id' });
		};
		r.onsuccess = () => resolve(r.result);
		r.onerror = () =>
			reject(new Error(`This browser refused the study database (${r.error?.message ?? 'unknown reason'}). Private windows may block storage.`));
		r.onblocked = () => reject(new Error('The study database is open in an older version of this app in another tab; close that tab and reload.'));
	});
}

export class IdbRunStore implements RunStore {
	#db: Promise<IDBDatabase>;
	constructor(name = DB_NAME) {
		this.#db = openRunDb(name);
	}

	async #tx(stores: string[], mode: IDBTransactionMode): Promise<IDBTransaction> {
		return (await this.#db).transaction(stores, mode);
	}

	async putStudy(study: StoredStudy): Promise<void> {
		const tx = await this.#tx(['studies'], 'readwrite');
		tx.objectStore('studies').put(study);
		await committed(tx);
	}

	async getStudy(id: string): Promise<StoredStudy | undefined> {
		const tx = await this.#tx(['studies'], 'readonly');
		return (await request(tx.objectStore('studies').get(id))) as StoredStudy | undefined;
	}

	async listStudies(): Promise<StudySummary[]> {
		const tx = await this.#tx(['studies', 'samples'], 'readonly');
		const studies = (await request(tx.objectStore('studies').getAll())) as StoredStudy[];
		const index = tx.objectStore('samples').index('byStudy');
		const counts = await Promise.all(studies.map((s) => request(index.count(s.id))));
		return studies
			.map((s, i) => ({
				id: s.id,
				name: s.study.name,
				status: s.status,
				done: counts[i] ?? 0,
				total: s.models.length * s.problems.length * (s.study.sampling.n + (s.study.sampling.greedy ? 1 : 0)),
				updatedAt: s.updatedAt,
				...(s.error ? { error: s.error } : {})
			}))
			.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	}

	async deleteStudy(id: string): Promise<void> {
		const tx = await this.#tx(['studies', 'samples', 'files'], 'readwrite');
		tx.objectStore('studies').delete(id);
		const range = IDBKeyRange.bound([id], [id, []]);
		tx.objectStore('samples').delete(range);
		tx.objectStore('files').delete(range);
		await committed(tx);
	}

	async putSample(study: string, sample: Sample): Promise<void> {
		// Relaxed: committed data survives a reload or a tab crash; only an OS crash could lose the
		// last writes, and it spares a disk flush per sample.
		const tx = (await this.#db).transaction(['samples'], 'readwrite', { durability: 'relaxed' });
		tx.objectStore('samples').put({ ...sample, study } satisfies StoredSample);
		await committed(tx);
	}

	async getSamples(study: string): Promise<Sample[]> {
		const tx = await this.#tx(['samples'], 'readonly');
		const rows = (await request(tx.objectStore('samples').index('byStudy').getAll(study))) as StoredSample[];
		return rows.map(({ study: _study, ...sample }) => sample);
	}

	async doneKeys(study: string): Promise<Set<string>> {
		const tx = await this.#tx(['samples'], 'readonly');
		const keys = (await request(tx.objectStore('samples').index('byStudy').getAllKeys(study))) as [string, string, string, number][];
		return new Set(keys.map(([, model, problem, index]) => sampleKey({ model, problem, index })));
	}

	async putFile(study: string, model: string, file: Blob): Promise<void> {
		const tx = await this.#tx(['files'], 'readwrite');
		tx.objectStore('files').put({ study, model, file });
		await committed(tx);
	}

	async getFile(study: string, model: string): Promise<Blob | undefined> {
		const tx = await this.#tx(['files'], 'readonly');
		const row = (await request(tx.objectStore('files').get([study, model]))) as { file: Blob } | undefined;
		return row?.file;
	}
}

/** A model the live loop trained: its GGUF and its ModelRef, whose `training` says how it was made. */
export interface TrainedModel {
	ref: ModelRef & { training: TrainingRecord };
	gguf: Blob;
	createdAt: string;
}

/** The trained models, kept beside the studies in the same database. */
export class IdbTrainedStore {
	#db: Promise<IDBDatabase>;
	constructor(name = DB_NAME) {
		this.#db = openRunDb(name);
	}

	async put(model: TrainedModel): Promise<void> {
		const tx = (await this.#db).transaction(['trained'], 'readwrite');
		tx.objectStore('trained').put(model);
		await committed(tx);
	}

	async list(): Promise<TrainedModel[]> {
		const tx = (await this.#db).transaction(['trained'], 'readonly');
		const all = (await request(tx.objectStore('trained').getAll())) as TrainedModel[];
		return all.sort((a, b) => a.ref.order - b.ref.order || a.createdAt.localeCompare(b.createdAt));
	}

	async delete(id: string): Promise<void> {
		const tx = (await this.#db).transaction(['trained'], 'readwrite');
		tx.objectStore('trained').delete(id);
		await committed(tx);
	}
}

/** The problem set a user uploaded, as it was accepted (after mapping and validation). */
export interface UploadedProblems {
	/** The file's name, as the study configuration records it. */
	name: string;
	problems: Problem[];
	/** False once the user has loaded a preset instead: kept, offered again, not listed on arrival. */
	inUse: boolean;
	savedAt: string;
}

/** One upload is kept (the last accepted one); a new one replaces it only once it is accepted. */
const UPLOAD_KEY = 'current';

/** The uploaded problem set, kept beside the studies in the same database. */
export class IdbUploadStore {
	#db: Promise<IDBDatabase>;
	constructor(name = DB_NAME) {
		this.#db = openRunDb(name);
	}

	/** Replaces the kept upload; a full disk is a QuotaError and the kept one stays. */
	async put(upload: UploadedProblems): Promise<void> {
		const tx = (await this.#db).transaction(['uploads'], 'readwrite');
		tx.objectStore('uploads').put({ ...upload, id: UPLOAD_KEY });
		await committed(tx);
	}

	/** The kept upload as stored (unchecked: the caller validates it). */
	async get(): Promise<unknown> {
		const tx = (await this.#db).transaction(['uploads'], 'readonly');
		return request(tx.objectStore('uploads').get(UPLOAD_KEY));
	}

	async delete(): Promise<void> {
		const tx = (await this.#db).transaction(['uploads'], 'readwrite');
		tx.objectStore('uploads').delete(UPLOAD_KEY);
		await committed(tx);
	}
}
