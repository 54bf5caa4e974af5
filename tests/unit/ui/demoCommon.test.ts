// The demo's common-problems report keeps up with a live run whose samples arrive faster than a
// report can be computed (CI's demo-story test starved on a loaded machine: every answer was
// dropped for being one version old, until the run ended and nothing was ever shown).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = vi.hoisted(() => ({ version: 0, calls: 0, busyVersions: 0, seen: [] as unknown[] }));
vi.mock('$lib/stores/report.svelte', () => ({
	reportStore: {
		get version() {
			return store.version;
		},
		async commonReport() {
			store.calls++;
			store.seen.push(demoCommon.report);
			// A new sample arrives while this report is computed: the page's effect asks again.
			if (store.busyVersions > 0) {
				store.busyVersions--;
				void demoCommon.refresh(++store.version);
			}
			await new Promise((r) => setTimeout(r, 1));
			return { report: { id: store.calls }, problems: store.calls };
		}
	}
}));

const { demoCommon } = await import('../../../src/lib/ui/demo/demoCommon.svelte');

describe('demoCommon', () => {
	beforeEach(() => {
		demoCommon.clear();
		Object.assign(store, { calls: 0, busyVersions: 0, seen: [] });
	});

	it('shows each answer while newer versions keep arriving, and ends on the newest', async () => {
		store.busyVersions = 3;
		await demoCommon.refresh(++store.version);
		expect(store.calls).toBe(4);
		// Every request after the first found the previous answer on screen.
		expect(store.seen).toEqual([undefined, { id: 1 }, { id: 2 }, { id: 3 }]);
		expect(demoCommon.report).toEqual({ id: 4 });
		expect(demoCommon.problems).toBe(4);
	});

	it('coalesces the versions asked for while busy into one request for the newest', async () => {
		const first = demoCommon.refresh(100);
		void demoCommon.refresh(101);
		void demoCommon.refresh(102);
		await first;
		expect(store.calls).toBe(2);
	});

	it('an answer arriving after the run is cleared is dropped', async () => {
		const pending = demoCommon.refresh(200);
		demoCommon.clear();
		await pending;
		expect(demoCommon.report).toBeUndefined();
		expect(demoCommon.problems).toBeUndefined();
	});
});
