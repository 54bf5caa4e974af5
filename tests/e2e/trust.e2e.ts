// Trust boundaries (issue 15): what someone else's file or link can do to the page. "The internet"
// is a local server on another port, answering as a stalled host, a gzip-encoded bomb, a model host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { encodeStudyConfig } from '../../src/lib/core/study/shareCodec';
import type { Bundle, ModelRef } from '../../src/lib/core/types';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');
const bundle = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Bundle;

let server: Server;
let host: string;
const hits: string[] = [];
// 1 GB of zeros is 1 MB of gzip: as a file, and as a Content-Encoding.
const bomb = gzipSync(Buffer.alloc(1_000_000_000), { level: 1 });

test.beforeAll(async () => {
	server = createServer((req, res) => {
		hits.push(req.url ?? '');
		res.setHeader('access-control-allow-origin', '*');
		res.setHeader('cross-origin-resource-policy', 'cross-origin');
		if (req.url === '/never-ends.json' || req.url?.startsWith('/stalled-datasets/')) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"format": "reversal-lab/bundle", ');
		} else if (req.url === '/encoded-bomb.json') {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
			res.end(bomb);
		} else {
			res.writeHead(404);
			res.end();
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => {
	server.closeAllConnections();
	server.close();
});

async function openReport(page: Page, query = ''): Promise<void> {
	await page.goto(`/report${query}`);
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
}

test('a ?bundle= URL that never ends shows its progress with a Cancel that stops it', async ({ page }) => {
	await openReport(page, `?bundle=${encodeURIComponent(`${host}/never-ends.json`)}`);
	await expect(page.getByRole('status')).toContainText(`Downloading ${host}/never-ends.json`);
	await page.getByTestId('cancel-download').click();
	await expect(page.getByTestId('load-error')).toContainText(`The download of ${host}/never-ends.json was cancelled.`);
	await expect(page.getByTestId('cancel-download')).toHaveCount(0);
});

test('a gzip-encoded ?bundle= bomb stops at the 400 MB cap', async ({ page }) => {
	const t0 = Date.now();
	await openReport(page, `?bundle=${encodeURIComponent(`${host}/encoded-bomb.json`)}`);
	await expect(page.getByTestId('load-error')).toContainText(/is too large \(stopped after 40\d MB; the limit is 400 MB\)/, { timeout: 60_000 });
	console.log(`encoded bomb refused after ${Date.now() - t0} ms`);
});

test('a gzip bomb file is refused at the cap, and a damaged gzip is named', async ({ page }) => {
	await openReport(page);
	const t0 = Date.now();
	await page.getByTestId('file-input').setInputFiles({ name: 'bomb.json.gz', mimeType: 'application/gzip', buffer: bomb });
	await expect(page.getByTestId('load-error')).toContainText('bomb.json.gz: too large (over 400 MB after decompression)', { timeout: 60_000 });
	console.log(`1 GB bomb file refused after ${Date.now() - t0} ms`);
	const damaged = gzipSync(readFileSync(FIXTURE));
	damaged.writeUInt32LE(damaged.readUInt32LE(damaged.length - 4) >>> 1, damaged.length - 4);
	await page.getByTestId('file-input').setInputFiles({ name: 'damaged.json.gz', mimeType: 'application/gzip', buffer: damaged });
	await expect(page.getByTestId('load-error')).toContainText('damaged.json.gz: damaged gzip after');
});

test('a bare NaN in a bundle is located by line and column', async ({ page }) => {
	await openReport(page);
	const text = JSON.stringify(bundle, null, 2).replace(/"topP": [\d.]+/, '"topP": NaN');
	const line = text.split('\n').findIndex((l) => l.includes('NaN')) + 1;
	await page.getByTestId('file-input').setInputFiles({ name: 'nan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(page.getByTestId('load-error')).toContainText(`line ${line}, column `);
	await expect(page.getByTestId('load-error')).toContainText('NaN is not a JSON value');
});

test('a share link that swaps a built-in model for another host is refused; a custom WebLLM model waits for confirmation', async ({ page }) => {
	const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'static', 'models', 'manifest.json'), 'utf8')) as { models: { id: string; file: string }[] };
	const m1 = manifest.models[0]!;
	const models: ModelRef[] = [
		{ id: m1.id, label: 'M1', engine: 'builtin', source: `${host}/evil.gguf`, order: 0 },
		{ id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', label: 'Qwen2.5 0.5B (q4f32, WebLLM)', engine: 'webllm', source: `mlc:${host}/w/|${host}/lib.wasm`, order: 1 },
		{ id: manifest.models[1]!.id, label: 'M2\u202E', engine: 'builtin', source: manifest.models[1]!.file, order: 2 }
	];
	const before = hits.length;
	await page.goto(`/study#${encodeStudyConfig(bundle.study, models)}`);
	const restored = page.getByTestId('shared-restored');
	await expect(restored).toContainText(`1 of its 3 models is chosen (M2).`);
	await expect(restored).toContainText(`The link's built-in M1 (id ${m1.id}) pointed at "${host}/evil.gguf" instead of the app's ${m1.file}: left out.`);
	const pending = page.getByTestId('shared-pending');
	await expect(pending).toContainText(`Qwen2.5 0.5B (q4f32, WebLLM) (webllm) from ${host.replace('http://', '')}`);
	await expect(pending).toContainText('Nothing has been fetched');
	expect(hits.length, 'requests to the foreign host').toBe(before);
	await page.getByRole('button', { name: 'Leave them out' }).click();
	await expect(pending).toHaveCount(0);
	expect(hits.length).toBe(before);
});

test('the demo page’s ?bundle= download shows its progress with a Cancel that stops it', async ({ page }) => {
	await page.goto(`/demo?bundle=${encodeURIComponent(`${host}/never-ends.json`)}`);
	await expect(page.getByTestId('demo-download')).toContainText(`Downloading ${host}/never-ends.json`);
	await page.getByTestId('demo-download').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('demo-bundle-error')).toContainText(`The download of ${host}/never-ends.json was cancelled.`);
	await expect(page.getByTestId('demo-download')).toHaveCount(0);
});

test('a datasets server that stalls can be cancelled, and the problems listed before stay', async ({ page }) => {
	await page.goto(`/problems?datasets=${encodeURIComponent(`${host}/stalled-datasets`)}`);
	const count = Number(await page.getByRole('spinbutton', { name: 'Count' }).inputValue());
	await expect(page.getByTestId('problem-list').locator('tbody tr')).toHaveCount(count);
	await page.getByRole('radio', { name: /^Commonsense/ }).check();
	await page.getByRole('button', { name: 'Load problems' }).click();
	await expect(page.getByTestId('progress')).toBeVisible();
	await page.getByTestId('cancel-load').click();
	await expect(page.getByTestId('progress')).toHaveCount(0);
	await expect(page.getByTestId('load-error')).toHaveCount(0);
	await expect(page.getByTestId('problem-list').locator('tbody tr')).toHaveCount(count);
	await expect(page.getByRole('button', { name: 'Load problems' })).toBeEnabled();
});

test('bidi overrides and zero-width characters in a study’s names are marked on the dashboard and in the samples browser', async ({ page }) => {
	const hostile = structuredClone(bundle);
	hostile.study.name = 'Study\u200B one';
	const m1 = hostile.models[0]!;
	m1.label = 'M1\u202Egnp.exe';
	await openReport(page);
	await page.getByTestId('file-input').setInputFiles({ name: 'bidi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
	await expect(page.getByTestId('study-name')).toHaveText('Study<U+200B> one');
	await expect(page.getByTestId('headline-table')).toContainText('M1<U+202E>gnp.exe');
	await expect(page.getByTestId('samples-status')).toBeVisible();
	await expect(page.locator('label', { hasText: 'M1<U+202E>gnp.exe' }).first()).toBeVisible();
	const text = (await page.locator('main').textContent()) ?? '';
	expect(text).toContain('M1<U+202E>gnp.exe');
	expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]/);
	// The bundle keeps the names as they are: only what is shown is marked.
	expect(await page.title()).toBe('Study<U+200B> one — Reversal Lab');
});
