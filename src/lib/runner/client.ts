// The page's handle on the runner worker (comlink). Created on first use, never at import time,
// so pages that import it still prerender.
import type * as ComlinkNs from 'comlink';
import type { RunnerApi } from './runner.worker';

export type RunnerRemote = ComlinkNs.Remote<RunnerApi>;

let remote: Promise<{ api: RunnerRemote; Comlink: typeof ComlinkNs }> | undefined;

export function runnerClient(): Promise<{ api: RunnerRemote; Comlink: typeof ComlinkNs }> {
	remote ??= (async () => {
		const Comlink = await import('comlink');
		const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'runner' });
		return { api: Comlink.wrap<RunnerApi>(worker), Comlink };
	})();
	return remote;
}
