// The device store: probes once on demand (never at import, so prerendering works) and keeps the
// facts and their interpretation for every component that needs them.
import { interpretDevice, type DeviceProfile } from './interpret';
import { probeDevice, requestPersistentStorage, probeStorage } from './probe';
import type { DeviceFacts } from './types';

class DeviceStore {
	facts = $state<DeviceFacts | undefined>(undefined);
	profile = $derived<DeviceProfile | undefined>(this.facts ? interpretDevice(this.facts) : undefined);
	#probing: Promise<DeviceFacts> | undefined;

	/** Probe (once); later calls share the first result. */
	probe(): Promise<DeviceFacts> {
		this.#probing ??= probeDevice().then((f) => (this.facts = f));
		return this.#probing;
	}

	/** Storage changes as models download or are deleted: re-read only that part. */
	async refreshStorage(): Promise<void> {
		if (!this.facts) return;
		this.facts = { ...this.facts, storage: await probeStorage() };
	}

	async persist(): Promise<boolean> {
		const granted = await requestPersistentStorage();
		await this.refreshStorage();
		return granted;
	}
}

export const device = new DeviceStore();
