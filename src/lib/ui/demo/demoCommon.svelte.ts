// While the demo runs, the report over only the problems every sampled model has samples for, so
// the summary, the verdict cards and the headline table compare the same problems. Computed in the
// report worker (through the report store) for each new live report; empty when the models
// already cover the same problems (then the whole report is like with like).
import type { Report } from '$lib/core/metrics/reportTypes';
import { reportStore } from '$lib/stores/report.svelte';

class DemoCommon {
	report = $state.raw<Report | undefined>();
	/** How many problems that report compares. */
	problems = $state<number | undefined>();
	#asked = -1;
	#busy = false;

	/**
	 * Ask for the common-problems report of the store's report `version`. One request at a time:
	 * versions that arrive meanwhile are coalesced into one request for the newest, so a slow
	 * computation never queues up behind the live run.
	 */
	async refresh(version: number): Promise<void> {
		if (version === this.#asked) return;
		this.#asked = version;
		if (this.#busy) return;
		this.#busy = true;
		try {
			let done = -1;
			// Until the newest version asked for is answered (or the run is over: cleared).
			while (this.#asked !== -1 && done !== this.#asked) {
				done = this.#asked;
				const common = await reportStore.commonReport();
				// Shown even when a newer version arrived meanwhile (it asks again): the answer is one
				// consistent report, newer than the one on screen. Waiting for an answer that is still
				// the newest starved the page whenever samples came faster than a report (CI, loaded).
				if (this.#asked !== -1) {
					this.report = common?.report;
					this.problems = common?.problems;
				}
			}
		} finally {
			this.#busy = false;
		}
	}

	clear(): void {
		this.#asked = -1;
		this.report = undefined;
		this.problems = undefined;
	}
}

export const demoCommon = new DemoCommon();
