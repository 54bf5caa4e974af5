// The samples browser's state: the filter, the matching rows (computed in the report worker) and
// a cache of the samples of the problems on screen, fetched from the worker as they scroll in.
import type { Sample } from '$lib/core/types';
import { emptyFilter, type BrowserRow, type SampleFilter } from '$lib/core/samples';
import { reportStore } from './report.svelte';

const CACHE_LIMIT = 400;

class SamplesStore {
	filter = $state<SampleFilter>(emptyFilter());
	rows = $state.raw<BrowserRow[]>([]);
	/** Why the browser shows what it shows, e.g. "Samples behind pass@4 of M2". */
	heading = $state<string | undefined>();
	/** Bumped when a problem's samples arrive, so visible rows re-render. */
	arrived = $state(0);
	/** Bumped when a chart asks to show the browser (the page scrolls to it). */
	focusRequest = $state(0);

	#cache = new Map<string, Record<string, Sample[]>>();
	#inflight = new Set<string>();
	#version = -1;
	#query = 0;

	#sync(): void {
		if (this.#version !== reportStore.version) {
			this.#version = reportStore.version;
			this.#cache.clear();
		}
	}

	async refresh(): Promise<void> {
		this.#sync();
		const query = ++this.#query;
		const rows = await reportStore.rows(this.filter);
		if (query === this.#query) this.rows = rows;
	}

	/** Open the browser on the samples behind a chart mark. */
	async show(filter: Partial<SampleFilter>, heading: string): Promise<void> {
		// Grouping identical outputs is the reader's choice and outlasts the chart that opened the browser.
		this.filter = { ...emptyFilter(), group: this.filter.group, ...filter };
		this.heading = heading;
		await this.refresh();
		this.focusRequest++;
	}

	clear(): Promise<void> {
		this.heading = undefined;
		this.filter = { ...emptyFilter(), group: this.filter.group };
		return this.refresh();
	}

	/** One problem's samples one by one (or grouped again) while the rest stay grouped. */
	toggleExpanded(problem: string): Promise<void> {
		const { expanded } = this.filter;
		this.filter.expanded = expanded.includes(problem) ? expanded.filter((p) => p !== problem) : [...expanded, problem];
		return this.refresh();
	}

	/** The samples of one problem by model, or undefined while they are fetched. */
	get(problem: string): Record<string, Sample[]> | undefined {
		this.#sync();
		const hit = this.#cache.get(problem);
		if (hit) return hit;
		if (!this.#inflight.has(problem)) {
			this.#inflight.add(problem);
			void reportStore.samplesOf(problem).then((samples) => {
				this.#inflight.delete(problem);
				if (this.#cache.size >= CACHE_LIMIT) {
					const oldest = this.#cache.keys().next().value;
					if (oldest !== undefined) this.#cache.delete(oldest);
				}
				this.#cache.set(problem, samples);
				this.arrived++;
			});
		}
		return undefined;
	}
}

export const samplesStore = new SamplesStore();
