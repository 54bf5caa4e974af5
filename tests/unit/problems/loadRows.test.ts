import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/datasets-server/server.js';
import { loadRows, memoryCache, pageOffsets } from '../../../src/lib/datasets/loadRows';
import { DEFAULT_DATASETS_BASE, fetchRows, rowsUrl } from '../../../src/lib/datasets/fetchRows';
import { isDatasetError } from '../../../src/lib/datasets/errors';
import { loadPreset } from '../../../src/lib/datasets/loadPreset';
import { DATASETS, adaptRows } from '../../../src/lib/core/problems';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => void (server = await startFixtureServer()));
afterAll(async () => server.close());

const gsm = { dataset: 'openai/gsm8k', config: 'main', split: 'test' };

describe('loadRows', () => {
	it('loadRows(...) pages through a 230-row split in 100-row pages, every row once', async () => {
		const before = server.requests.length;
		const { rows, total } = await loadRows({ baseUrl: server.url, ...gsm, cache: memoryCache() });
		expect(total).toBe(230);
		expect(rows.map((r) => r.row_idx)).toEqual(Array.from({ length: 230 }, (_, i) => i));
		const asked = server.requests.slice(before);
		expect(asked).toHaveLength(3);
		expect(asked.map((u) => new URL(u, 'http://x').searchParams.get('offset'))).toEqual(['0', '100', '200']);
		const { problems, skipped } = adaptRows(DATASETS.gsm8k, rows, 'in-domain');
		expect(problems).toHaveLength(230);
		expect(skipped).toEqual([]);
	});

	it('loadRows(...) answers from the cache with the server gone', async () => {
		const cache = memoryCache();
		const other = await startFixtureServer();
		const first = await loadRows({ baseUrl: other.url, ...gsm, cache });
		await other.close();
		let progress = '';
		const again = await loadRows({ baseUrl: other.url, ...gsm, cache, onProgress: (p) => (progress = p.text) });
		expect(again.rows).toEqual(first.rows);
		expect(again.fromCache).toBe(3);
		expect(progress).toMatch(/from this browser's cache/);
	});

	it('loadRows(...) waits out a short Retry-After and then gets every page', async () => {
		const before = server.requests.length;
		const texts: string[] = [];
		const { rows } = await loadRows({ baseUrl: `${server.url}/once/429`, ...gsm, cache: memoryCache(), onProgress: (p) => texts.push(p.text) });
		expect(rows).toHaveLength(230);
		expect(server.requests.length - before).toBe(6);
		expect(texts.filter((t) => /asked to wait 1 s/.test(t))).toHaveLength(3);
	});

	it('rowsUrl(...) asks the public endpoint in its documented form', () => {
		expect(rowsUrl({ baseUrl: `${DEFAULT_DATASETS_BASE}/`, ...gsm, offset: 200, length: 100 })).toBe(
			'https://datasets-server.huggingface.co/rows?dataset=openai%2Fgsm8k&config=main&split=test&offset=200&length=100'
		);
	});

	it('pageOffsets(total, maxRows, seed) samples whole pages of a large split, seeded', () => {
		expect(pageOffsets(230, 2000, 1)).toEqual([0, 100, 200]);
		const a = pageOffsets(5000, 1000, 7);
		expect(a).toHaveLength(10);
		expect(new Set(a).size).toBe(10);
		expect(pageOffsets(5000, 1000, 7)).toEqual(a);
		expect(pageOffsets(5000, 1000, 8)).not.toEqual(a);
	});

	it('fetchRows(...) turns 429, 500 and an unreachable server into DatasetErrors in words', async () => {
		const req = { ...gsm, offset: 0, length: 100 };
		const e429 = await fetchRows({ baseUrl: `${server.url}/status/429`, ...req }).catch((e: unknown) => e);
		expect(isDatasetError(e429, 'rate-limited')).toBe(true);
		expect(String((e429 as Error).message)).toMatch(/429.*Wait 30 seconds/);
		const e500 = await fetchRows({ baseUrl: `${server.url}/status/500`, ...req }).catch((e: unknown) => e);
		expect(isDatasetError(e500, 'http')).toBe(true);
		expect((e500 as Error).message).toMatch(/HTTP 500.*try again later/);
		const gone = await startFixtureServer();
		await gone.close();
		const off = await fetchRows({ baseUrl: gone.url, ...req }).catch((e: unknown) => e);
		expect(isDatasetError(off, 'offline')).toBe(true);
		expect((off as Error).message).toMatch(/Could not reach .*offline/);
		const missing = await fetchRows({ baseUrl: server.url, ...req, dataset: 'nobody/nothing' }).catch((e: unknown) => e);
		expect((missing as Error).message).toMatch(/HTTP 404.*does not exist/);
	});

	it('fetchRows(...) goes through the capped downloader: a page over the cap and a server that stalls are DatasetErrors in words', async () => {
		const req = { ...gsm, offset: 0, length: 100 };
		const big = await fetchRows({ baseUrl: server.url, ...req }, undefined, fetch, { maxBytes: 1000, idleMs: 5000 }).catch((e: unknown) => e);
		expect(isDatasetError(big, 'too-large')).toBe(true);
		expect((big as Error).message).toMatch(/over 0.001 MB, far more than a page of rows takes; check the datasets address/);
		const stall = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"rows": [');
		});
		await new Promise<void>((ok) => stall.listen(0, '127.0.0.1', ok));
		const url = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
		const t0 = Date.now();
		const slow = await fetchRows({ baseUrl: url, ...req }, undefined, fetch, { maxBytes: 1e6, idleMs: 300 }).catch((e: unknown) => e);
		expect(Date.now() - t0).toBeLessThan(3000);
		expect(isDatasetError(slow, 'timeout')).toBe(true);
		expect((slow as Error).message).toMatch(/sent nothing for 0.3 s while loading openai\/gsm8k .*Try again later/);
		stall.closeAllConnections();
		await new Promise((ok) => stall.close(ok));
	});

	it('loadPreset(paper) gives GSM8K in-domain and MATH OOD stratified by level, same seed same set', async () => {
		const opts = { baseUrl: server.url, cache: memoryCache(), seed: 5, count: 60 };
		const set = await loadPreset('paper', opts);
		expect(set.problems).toHaveLength(60);
		expect(set.problems.filter((p) => p.split === 'in-domain' && p.id.startsWith('gsm8k-'))).toHaveLength(30);
		const math = set.problems.filter((p) => p.split === 'ood');
		for (let l = 1; l <= 5; l++) expect(math.filter((p) => p.level === l)).toHaveLength(6);
		expect((await loadPreset('paper', { ...opts, cache: memoryCache() })).problems).toEqual(set.problems);
		const csqa = await loadPreset('commonsense', { ...opts, count: 20 });
		expect(csqa.problems.every((p) => p.answerType === 'choice' && p.choices?.length === 5)).toBe(true);
		const svamp = await loadPreset('svamp', { ...opts, count: 20 });
		expect(svamp.problems).toHaveLength(20);
		expect(svamp.problems.every((p) => /^svamp-chal-\d+$/.test(p.id) && /^\d+$/.test(p.answer))).toBe(true);
	});
});
