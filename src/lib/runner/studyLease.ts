// One tab at a time drives a study: a Web Lock named after the study, held while it runs. A second
// tab asks with ifAvailable and is told the study is busy; "take over" steals the lock, and the
// first tab's lock request then rejects, which is how it learns to stop.

export interface Lease {
	/** Lets the lock go (the run ended here). */
	release(): void;
	/** Resolves when another tab took the lock. */
	readonly lost: Promise<void>;
}

/** What a run asks of a lease: the page's Web Locks in a worker, a stand-in in tests. */
export type LeaseFor = (takeOver: boolean) => Promise<Lease | undefined>;

/** A lease on `name` through `locks`, or undefined when another holder has it (and takeOver is false). */
export function acquireLease(locks: LockManager, name: string, takeOver: boolean): Promise<Lease | undefined> {
	return new Promise((resolve, reject) => {
		let release = () => {};
		let lose = () => {};
		const held = new Promise<void>((r) => (release = r));
		const lost = new Promise<void>((r) => (lose = r));
		let granted = false;
		locks
			.request(name, takeOver ? { steal: true } : { ifAvailable: true }, async (lock) => {
				if (!lock) return resolve(undefined);
				granted = true;
				resolve({ release, lost });
				await held;
			})
			.then(
				() => undefined,
				(e: unknown) => {
					// A stolen lock rejects its request with an AbortError.
					if (granted) lose();
					else reject(e instanceof Error ? e : new Error(String(e)));
				}
			);
	});
}

/** The Web Lock's name for a study (the page asks navigator.locks.query() which ones are held). */
export const leaseName = (studyId: string) => `reversal-lab/study/${studyId}`;

/** The lease of one study in this browser (no Web Locks, as in an old browser: always granted, never lost). */
export function studyLease(studyId: string): LeaseFor {
	return (takeOver) =>
		typeof navigator !== 'undefined' && navigator.locks
			? acquireLease(navigator.locks, leaseName(studyId), takeOver)
			: Promise.resolve({ release: () => {}, lost: new Promise<void>(() => {}) });
}
