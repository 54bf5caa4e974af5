// A study's results in a link: its gzipped bundle, base64url-encoded into the report page's hash
// (`#r1.<bytes>`), for studies small enough to travel in a URL. The page reads them back through
// the same capped, validating path as a dropped file; the hash never reaches a server.

/** The largest gzipped bundle a results link carries: about 64,000 characters of link. */
export const MAX_RESULTS_LINK_BYTES = 48_000;
const PREFIX = 'r1.';

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type ResultsLink = { ok: true; url: string } | { ok: false; bytes: number };

/** The link to `reportUrl` carrying a gzipped bundle, or its size when it is over the limit. */
export function resultsLink(gzippedBundle: Uint8Array, reportUrl: string): ResultsLink {
	if (gzippedBundle.length > MAX_RESULTS_LINK_BYTES) return { ok: false, bytes: gzippedBundle.length };
	const url = new URL(reportUrl);
	url.search = '';
	url.hash = PREFIX + toBase64Url(gzippedBundle);
	return { ok: true, url: url.href };
}

/** The bytes a results link carries; undefined when the hash holds none or is not base64url. */
export function readResultsHash(hash: string): Uint8Array | undefined {
	const text = hash.replace(/^#/, '');
	if (!text.startsWith(PREFIX)) return undefined;
	const body = text.slice(PREFIX.length);
	// A link over the limit was not made here; refuse it before decoding (4 characters per 3 bytes).
	if (!/^[\w-]*$/.test(body) || body.length > Math.ceil((MAX_RESULTS_LINK_BYTES * 4) / 3)) return undefined;
	const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
