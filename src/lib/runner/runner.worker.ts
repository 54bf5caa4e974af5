// The runner's worker: a comlink API over StudyRun, with IndexedDB storage and the engine pool.
import * as Comlink from 'comlink';
import { grade } from '../core/grading';
import { renderPrompt } from '../core/problems';
import { IdbRunStore } from './storage';
import { EnginePool } from './engines';
import { StudyRun } from './studyRun';
import type { RunEvent, RunStatus, StoredStudy, StudySummary } from './types';
import type { Bundle } from '../core/types';
import { buildBundle } from './buildBundle';
import { studyLease } from './studyLease';

export interface StartOptions {
	/** Absolute URL of the built-in models folder. */
	baseUrl: string;
	app: string;
	/** Local model files by model id (stored with the study so a reload can resume). */
	files?: Record<string, Blob>;
	/** false turns off prompt-prefix reuse (for measurements only). */
	cachePrompt?: boolean;
	/** API keys of OpenAI-compatible servers by base URL: kept in this worker's memory only, never stored. */
	apiKeys?: Record<string, string>;
	/** Requests in flight for server models (default 8). */
	concurrency?: number;
	/** Built-in models sampled at once (default: the registry's defaultLanes); for measurements. */
	lanes?: number;
	/** Run it even when another tab is running it (that tab pauses); otherwise that is a StudyLeaseError. */
	takeOver?: boolean;
}

const store = new IdbRunStore();
let current: { run: StudyRun; pool: EnginePool; finished: Promise<RunStatus> } | undefined;

const api = {
	async createStudy(study: StoredStudy, files: Record<string, Blob> = {}): Promise<void> {
		for (const [model, file] of Object.entries(files)) await store.putFile(study.id, model, file);
		await store.putStudy(study);
	},

	/** Starts (or resumes) a stored study; resolves with its final status (done, cancelled). */
	async start(studyId: string, options: StartOptions, onEvent: (e: RunEvent) => void): Promise<RunStatus> {
		if (current && current.run.status !== 'done' && current.run.status !== 'cancelled') {
			throw new Error('A run is already in progress in this tab: pause or cancel it first.');
		}
		for (const [model, file] of Object.entries(options.files ?? {})) await store.putFile(studyId, model, file);
		const stored = await store.getStudy(studyId);
		if (!stored) throw new Error(`No study "${studyId}" is stored in this browser.`);
		const pool = new EnginePool({
			cachePrompt: options.cachePrompt ?? true,
			...(options.apiKeys ? { apiKeys: options.apiKeys } : {}),
			...(options.concurrency ? { concurrency: options.concurrency } : {}),
			...(options.lanes ? { lanes: options.lanes } : {}),
			pageUrl: location.href
		});
		await pool.prepare(stored.models);
		const run = new StudyRun(
			{
				store,
				engineFor: (m, fresh, lane) => pool.engineFor(m, fresh, lane),
				concurrencyFor: (m) => pool.concurrencyFor(m),
				lanesFor: (m) => pool.lanesFor(m),
				grade,
				render: (s, p) => renderPrompt(s.study.prompt, p, s.exemplars),
				baseUrl: options.baseUrl,
				app: options.app,
				browser: navigator.userAgent,
				lease: studyLease(studyId)
			},
			studyId,
			onEvent
		);
		const finished = run.run(options.takeOver ?? false).finally(() => pool.dispose());
		current = { run, pool, finished };
		// A run that failed (or could not start: its study is held by another tab) leaves this tab free.
		finished.catch(() => {
			if (current?.run === run) current = undefined;
		});
		return finished;
	},

	pause(): void {
		current?.run.pause();
	},
	resume(): void {
		current?.run.resume();
	},
	cancel(): void {
		current?.run.cancel();
	},
	/** This tab's run, paused because another tab took its study over, takes it back. */
	takeOver(): void {
		current?.run.takeOver();
	},

	listStudies(): Promise<StudySummary[]> {
		return store.listStudies();
	},
	getStudy(id: string): Promise<StoredStudy | undefined> {
		return store.getStudy(id);
	},
	deleteStudy(id: string): Promise<void> {
		return store.deleteStudy(id);
	},
	async bundle(id: string): Promise<Bundle> {
		const stored = await store.getStudy(id);
		if (!stored) throw new Error(`No study "${id}" is stored in this browser.`);
		return buildBundle(stored, await store.getSamples(id));
	}
};

export type RunnerApi = typeof api;
Comlink.expose(api);
