// API keys of OpenAI-compatible servers and the requests to keep in flight: held in this tab's
// memory only. Never stored (IndexedDB, localStorage), never in a share link or a bundle; after a
// reload the page asks for a key again. Keys are by base URL, so a resumed study finds its key.
import { BROWSER_HTTP1_CONNECTIONS } from '$lib/engines/registry';

class ServerSettings {
	#keys = $state<Record<string, string>>({});
	// The page's default is what a browser keeps in flight to one HTTP/1.1 server; the command
	// line's is DEFAULT_CONCURRENCY.
	concurrency = $state(BROWSER_HTTP1_CONNECTIONS);

	setKey(baseUrl: string, key: string): void {
		const { [baseUrl]: _old, ...rest } = this.#keys;
		this.#keys = key ? { ...rest, [baseUrl]: key } : rest;
	}

	hasKey(baseUrl: string): boolean {
		return baseUrl in this.#keys;
	}

	/** A plain copy for the runner worker (structured clone; Svelte proxies cannot cross). */
	keys(): Record<string, string> {
		return { ...$state.snapshot(this.#keys) };
	}
}

export const serverSettings = new ServerSettings();
