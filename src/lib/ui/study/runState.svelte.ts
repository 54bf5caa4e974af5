// The study page's run: talks to the runner worker, keeps its progress, and feeds the report
// store so the report fills in while samples arrive. Nothing here runs at import time.
import { reportStore } from '$lib/stores/report.svelte';
import type { Bundle } from '$lib/core/types';
import type { RunEvent, RunProgress, StoredStudy, StudySummary } from '$lib/runner/types';
import { clearStatusNote, noteStatus, withStatusNotes } from './statusNotes';
import { leaseName } from '$lib/runner/studyLease';

export interface RunContext {
	/** Absolute URL of the built-in models folder. */
	baseUrl: string;
	app: string;
	/** API keys of OpenAI-compatible servers by base URL (memory only) and the requests in flight. */
	apiKeys?: Record<string, string>;
	concurrency?: number;
}

class RunState {
	studyId = $state<string | undefined>();
	studyName = $state('');
	progress = $state.raw<RunProgress | undefined>();
	studies = $state.raw<StudySummary[]>([]);
	/** A failure outside the run itself (storage refused, worker missing), in words. */
	error = $state<string | undefined>();
	/** A study this tab could not start because another tab is running it (the page offers to take it over). */
	heldElsewhere = $state<string | undefined>();
	/** Stored studies that a tab of this browser is running now (their Web Lock is held), other than this tab's run. */
	elsewhere = $state.raw<ReadonlySet<string>>(new Set());
	#ctx: RunContext | undefined;
	#noted = false;

	get running(): boolean {
		return this.progress?.status === 'running' || this.progress?.status === 'paused';
	}

	async #api() {
		const { runnerClient } = await import('$lib/runner/client');
		return runnerClient();
	}

	async refresh(): Promise<void> {
		try {
			const { api } = await this.#api();
			const studies = withStatusNotes(await api.listStudies());
			const held = new Set(((navigator.locks ? (await navigator.locks.query()).held : undefined) ?? []).map((l) => l.name));
			const mine = this.running ? this.studyId : undefined;
			this.elsewhere = new Set(studies.filter((s) => s.id !== mine && held.has(leaseName(s.id))).map((s) => s.id));
			this.studies = studies;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Saves a new study (and its local files) and starts it. */
	async create(study: StoredStudy, files: Record<string, Blob>, ctx: RunContext): Promise<void> {
		try {
			const { api } = await this.#api();
			await api.createStudy(study, files);
			await this.start(study.id, ctx);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Starts or resumes a stored study from what it has; takeOver runs it even if another tab is (that tab pauses). */
	async start(id: string, ctx: RunContext, takeOver = false): Promise<void> {
		this.error = undefined;
		this.heldElsewhere = undefined;
		this.progress = undefined;
		this.#ctx = ctx;
		this.#noted = false;
		const { api, Comlink } = await this.#api();
		const bundle = await api.bundle(id);
		this.studyId = id;
		this.studyName = bundle.study.name;
		await reportStore.setBundle(bundle, bundle.study.name);
		const onEvent = (e: RunEvent) => {
			if (e.type === 'progress') {
				this.progress = e.progress;
				this.#keepStatus(id, e.progress);
			} else void reportStore.addSamples(e.samples);
		};
		void api
			.start(
				id,
				{ baseUrl: ctx.baseUrl, app: ctx.app, takeOver, ...(ctx.apiKeys ? { apiKeys: ctx.apiKeys } : {}), ...(ctx.concurrency ? { concurrency: ctx.concurrency } : {}) },
				Comlink.proxy(onEvent)
			)
			.then(async () => {
				// The final bundle, so the report holds exactly what is stored.
				await reportStore.setBundle(await api.bundle(id), this.studyName);
			})
			.catch((e: unknown) => {
				this.error = e instanceof Error ? e.message : String(e);
				if (e instanceof Error && e.name === 'StudyLeaseError') {
					this.heldElsewhere = id;
					this.studyId = undefined;
				}
			})
			.finally(() => void this.refresh());
	}

	/** A status the runner could not store (full disk) is kept by the page until one is stored again. */
	#keepStatus(id: string, p: RunProgress): void {
		if (p.statusStored === false) {
			noteStatus(id, p.status, p.error);
			this.#noted = true;
		} else if (this.#noted) {
			clearStatusNote(id);
			this.#noted = false;
		}
	}

	/** Runs here the study another tab is running (or took from this one); that tab pauses. */
	async takeOver(): Promise<void> {
		if (this.progress?.error?.code === 'in-another-tab') (await this.#api()).api.takeOver();
		else if (this.heldElsewhere && this.#ctx) await this.start(this.heldElsewhere, this.#ctx, true);
	}

	async pause(): Promise<void> {
		(await this.#api()).api.pause();
	}
	async resume(): Promise<void> {
		(await this.#api()).api.resume();
	}
	async cancel(): Promise<void> {
		(await this.#api()).api.cancel();
	}

	async remove(id: string): Promise<void> {
		await (await this.#api()).api.deleteStudy(id);
		await this.refresh();
	}

	async bundle(id: string): Promise<Bundle> {
		return (await this.#api()).api.bundle(id);
	}
}

export const runState = new RunState();
