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

	/** Ask for the common-problems report of the store's report `version` (once per version). */
	async refresh(version: number): Promise<void> {
		if (version === this.#asked) return;
		this.#asked = version;
		const common = await reportStore.commonReport();
		// A newer report arrived meanwhile: its own request will answer.
		if (version !== reportStore.version) return;
		this.report = common?.report;
		this.problems = common?.problems;
	}

	clear(): void {
		this.#asked = -1;
		this.report = undefined;
		this.problems = undefined;
	}
}

export const demoCommon = new DemoCommon();
