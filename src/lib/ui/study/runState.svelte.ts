// The study page's run: talks to the runner worker, keeps its progress, and feeds the report
// store so the report fills in while samples arrive. Nothing here runs at import time.
import { reportStore } from '$lib/stores/report.svelte';
import type { Bundle } from '$lib/core/types';
import type { RunEvent, RunProgress, StoredStudy, StudySummary } from '$lib/runner/types';

export interface RunContext {
	/** Absolute URL of the built-in models folder. */
	baseUrl: string;
	app: string;
}

class RunState {
	studyId = $state<string | undefined>();
	studyName = $state('');
	progress = $state.raw<RunProgress | undefined>();
	studies = $state.raw<StudySummary[]>([]);
	/** A failure outside the run itself (storage refused, worker missing), in words. */
	error = $state<string | undefined>();

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
			this.studies = await api.listStudies();
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

	/** Starts or resumes a stored study from what it has. */
	async start(id: string, ctx: RunContext): Promise<void> {
		this.error = undefined;
		this.progress = undefined;
		const { api, Comlink } = await this.#api();
		const bundle = await api.bundle(id);
		this.studyId = id;
		this.studyName = bundle.study.name;
		await reportStore.setBundle(bundle, bundle.study.name);
		const onEvent = (e: RunEvent) => {
			if (e.type === 'progress') this.progress = e.progress;
			else void reportStore.addSamples(e.samples);
		};
		void api
			.start(id, { baseUrl: ctx.baseUrl, app: ctx.app }, Comlink.proxy(onEvent))
			.then(async () => {
				// The final bundle, so the report holds exactly what is stored.
				await reportStore.setBundle(await api.bundle(id), this.studyName);
			})
			.catch((e: unknown) => (this.error = e instanceof Error ? e.message : String(e)))
			.finally(() => void this.refresh());
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
