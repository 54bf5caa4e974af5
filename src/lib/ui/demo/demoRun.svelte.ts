// The live demo's run, kept outside the page so it survives a visit to another page of this tab.
// It drives the same runner worker as the study page and feeds the same report store.
import { reportStore } from '$lib/stores/report.svelte';
import type { Sample } from '$lib/core/types';
import type { RunEvent, RunProgress, RunStatus, StoredStudy } from '$lib/runner/types';

export interface DemoContext {
	/** Absolute URL of the built-in models folder. */
	baseUrl: string;
	app: string;
	/** Models sampled at once (?lanes=); undefined = the engine registry's default. */
	lanes?: number;
}

/** Least milliseconds between report updates. Each one recomputes the report in its worker and
 * redraws every chart, which takes CPU from the engine on a two-core machine; so the pause also
 * grows with what the last update cost. */
const REPORT_EVERY_MS = 1000;
const REPORT_COST_FACTOR = 3;

class DemoRun {
	studyId = $state<string | undefined>();
	studyName = $state('');
	progress = $state.raw<RunProgress | undefined>();
	error = $state<string | undefined>();
	/** True once the finished run's own bundle (exactly what is stored) is in the report store. */
	complete = $state(false);
	/** Wall-clock seconds from the click to the finished report, for the page and the measurement. */
	seconds = $state<number | undefined>();

	#pending: Sample[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastFeed = 0;
	#lastCost = 0;
	/** Set once the run has ended: its stored bundle replaces the live one, so no late updates. */
	#stopped = false;
	/** The run's own result, once `start` has resolved (late progress events keep it). */
	#final: RunStatus | undefined;

	get active(): boolean {
		return this.progress?.status === 'running' || this.progress?.status === 'paused';
	}

	async #client() {
		const { runnerClient } = await import('$lib/runner/client');
		return runnerClient();
	}

	/** Hands the buffered samples to the report store, one update at a time, spaced out. */
	#feed(samples: Sample[]): void {
		this.#pending.push(...samples);
		if (this.#timer) return;
		const wait = Math.max(0, this.#lastFeed + Math.max(REPORT_EVERY_MS, REPORT_COST_FACTOR * this.#lastCost) - performance.now());
		this.#timer = setTimeout(async () => {
			const batch = this.#pending;
			this.#pending = [];
			const t0 = performance.now();
			if (batch.length && !this.#stopped) {
				await reportStore.addSamples(batch);
				// Count the redraw too: wait until the new report is painted.
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
			}
			this.#lastFeed = performance.now();
			this.#lastCost = this.#lastFeed - t0;
			this.#timer = undefined;
			if (this.#pending.length && !this.#stopped) this.#feed([]);
		}, wait);
	}

	/** Replaces any earlier run of the same configuration by a fresh one and starts it. */
	async start(study: StoredStudy, ctx: DemoContext, files: Record<string, Blob> = {}): Promise<void> {
		await this.#run(study, ctx, files, true);
	}

	/**
	 * Stores `study` (the demo's, with models added) over the last one and samples only what it
	 * lacks: how the live loop adds a model it trained to the report.
	 */
	async extend(study: StoredStudy, ctx: DemoContext, files: Record<string, Blob>): Promise<void> {
		await this.#run(study, ctx, files, false);
	}

	async #run(study: StoredStudy, ctx: DemoContext, files: Record<string, Blob>, fresh: boolean): Promise<void> {
		if (this.active) return;
		const t0 = performance.now();
		this.error = undefined;
		this.complete = false;
		this.seconds = undefined;
		this.progress = undefined;
		this.#pending = [];
		this.#stopped = false;
		this.#final = undefined;
		this.#lastCost = 0;
		try {
			const { api, Comlink } = await this.#client();
			if (fresh) await api.deleteStudy(study.id);
			await api.createStudy(study, files);
			this.studyId = study.id;
			this.studyName = study.study.name;
			await reportStore.setBundle(await api.bundle(study.id), study.study.name);
			const onEvent = (e: RunEvent) => {
				// A late event still brings the final counts; the status is the run's result once it is in.
				if (e.type === 'progress') this.progress = this.#final ? { ...e.progress, status: this.#final } : e.progress;
				else this.#feed(e.samples);
			};
			const status = await api.start(study.id, { baseUrl: ctx.baseUrl, app: ctx.app, ...(ctx.lanes ? { lanes: ctx.lanes } : {}) }, Comlink.proxy(onEvent));
			// Progress events come through their own port, so the last one can arrive after the run's
			// result: the run is over now, whatever the last event said (else the page stays "running").
			this.#final = status;
			const last = this.progress;
			if (last) this.progress = { ...(last as RunProgress), status };
			this.#stopped = true;
			clearTimeout(this.#timer);
			this.#timer = undefined;
			this.#pending = [];
			// The stored bundle replaces the live one, so the report holds exactly what was saved.
			await reportStore.setBundle(await api.bundle(study.id), study.study.name);
			if (status === 'done') {
				this.complete = true;
				this.seconds = (performance.now() - t0) / 1000;
			}
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	async pause(): Promise<void> {
		(await this.#client()).api.pause();
	}
	async resume(): Promise<void> {
		(await this.#client()).api.resume();
	}
	async cancel(): Promise<void> {
		(await this.#client()).api.cancel();
	}
}

export const demoRun = new DemoRun();
