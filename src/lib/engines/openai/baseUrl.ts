// The base URL of an OpenAI-compatible server, as the user types it: "http://host:8000" means
// "http://host:8000/v1"; a given path (".../v1", "/openai/v1") is kept; a trailing slash goes.
export function normalizeBaseUrl(text: string): string {
	const trimmed = text.trim();
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw new Error(`"${trimmed}" is not a URL: give the server's address, e.g. http://127.0.0.1:8000/v1.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The server address should start with http:// or https:// (got ${url.protocol}).`);
	if (url.username || url.password) throw new Error('Put the API key in its own field, not in the address.');
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.origin}${path === '' ? '/v1' : path}`;
}

/** True when a page at `pageUrl` cannot call `baseUrl` (an https page and an http server other than localhost). */
export function isMixedContent(pageUrl: string | undefined, baseUrl: string): boolean {
	if (!pageUrl) return false;
	try {
		const page = new URL(pageUrl);
		const server = new URL(baseUrl);
		const local = ['localhost', '127.0.0.1', '[::1]'].includes(server.hostname) || server.hostname.endsWith('.localhost');
		return page.protocol === 'https:' && server.protocol === 'http:' && !local;
	} catch {
		return false;
	}
}
