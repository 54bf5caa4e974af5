import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_RESULTS_LINK_BYTES, readResultsHash, resultsLink } from '../../../src/lib/export/resultsLink';

describe('resultsLink', () => {
	const bytes = gzipSync(new TextEncoder().encode(JSON.stringify({ format: 'reversal-lab/bundle', text: 'é ✓ '.repeat(500) })));

	it('resultsLink(bytes, url) puts the bytes in the hash and readResultsHash gives them back', () => {
		const link = resultsLink(bytes, 'http://localhost:4173/sub/report?bundle=x.json');
		expect(link.ok).toBe(true);
		if (!link.ok) return;
		const url = new URL(link.url);
		expect(url.pathname).toBe('/sub/report');
		expect(url.search).toBe('');
		expect(url.hash).toMatch(/^#r1\.[\w-]+$/);
		expect(readResultsHash(url.hash)).toEqual(bytes);
	});

	it('resultsLink refuses a bundle over the limit and says its size', () => {
		expect(resultsLink(new Uint8Array(MAX_RESULTS_LINK_BYTES + 1), 'http://x/report')).toEqual({ ok: false, bytes: MAX_RESULTS_LINK_BYTES + 1 });
	});

	it('readResultsHash ignores other hashes, foreign characters and over-long links', () => {
		expect(readResultsHash('#s2.abc')).toBeUndefined();
		expect(readResultsHash('')).toBeUndefined();
		expect(readResultsHash('#r1.ab+c/')).toBeUndefined();
		expect(readResultsHash('#r1.' + 'A'.repeat(MAX_RESULTS_LINK_BYTES * 2))).toBeUndefined();
	});
});
