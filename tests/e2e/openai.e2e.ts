// The openai engine end to end: the study page in headless Chromium samples through real llama.cpp
// (node-llama-cpp) behind the project's small OpenAI-compatible server, started here on a free
// port and stopped after. Run, pause, reload, resume, report; a wrong key and a model the server no
// longer serves give readable errors; the API key never reaches a bundle, IndexedDB, storage or a log.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startOpenAiServer, type RunningServer } from '../../tools/openaiServer/server';
import type { Bundle, Sample } from '../../src/lib/core/types';

const KEY = 'sk-e2e-never-stored-5b1d';
const M1 = fileURLToPath(new URL('../../static/models/tiny-m1.gguf', import.meta.url));
let open: RunningServer;
let locked: RunningServer;

test.beforeAll(async () => {
	open = await startOpenAiServer({ models: { 'tiny-m1': M1, 'tiny-m1-spare': M1 } });
	locked = await startOpenAiServer({ models: { 'tiny-m1': M1 }, apiKey: KEY });
});
test.afterAll(async () => {
	await open?.close();
	await locked?.close();
});

async function openStudyPage(page: Page, problems: number): Promise<void> {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await expect(page.getByRole('group', { name: /Built-in tiny models/ }).or(page.getByTestId('no-builtins'))).toBeVisible();
	await page.getByLabel('Count').fill(String(problems));
	await page.getByRole('button', { name: 'Load problems' }).click();
	await expect(page.getByTestId('problem-count')).toContainText(`${problems} problems`);
}

async function addServerModel(page: Page, url: string, model: string, key = ''): Promise<void> {
	await page.getByTestId('server-url').fill(url);
	await page.getByTestId('server-key').fill(key);
	await page.getByTestId('server-list').click();
	await page.getByTestId('server-model').selectOption(model);
	await page.getByTestId('server-add').click();
}

async function configure(page: Page, n: number, maxTokens: number): Promise<void> {
	await page.getByLabel('Max tokens').fill(String(maxTokens));
	await page.getByLabel('Samples per problem (n)').fill(String(n));
}

const status = (page: Page, want: string, timeout = 240_000) => expect(page.getByTestId('run-status')).toHaveAttribute('data-status', want, { timeout });
const doneCount = async (page: Page) => Number(await page.getByTestId('overall-done').innerText());

async function downloadBundle(page: Page): Promise<{ bundle: Bundle; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
	const text = await readFile(await download.path(), 'utf8');
	return { bundle: JSON.parse(text) as Bundle, text };
}

const key = (s: Sample) => `${s.problem}#${s.index}`;

test('a study on the openai engine runs against llama.cpp, pauses, reloads, resumes and reports; greedy outputs equal wllama’s', async ({ page }) => {
	test.setTimeout(600_000);
	await openStudyPage(page, 6);
	await addServerModel(page, open.url, 'tiny-m1');
	await expect(page.getByTestId('server-reproducibility')).toContainText('only with one slot (--parallel 1)');
	await expect(page.getByTestId('chosen-models')).toContainText(`OpenAI-compatible server tiny-m1 at ${open.url}`);
	// The page's default is what a browser keeps in flight to one HTTP/1.1 server; above it, a note.
	await expect(page.getByTestId('server-concurrency')).toHaveValue('6');
	await expect(page.getByTestId('server-concurrency-note')).toHaveCount(0);
	await page.getByTestId('server-concurrency').fill('8');
	await expect(page.getByTestId('server-concurrency-note')).toContainText('2 of these 8 requests wait in the browser');
	await page.getByTestId('server-concurrency').fill('1');
	await expect(page.getByTestId('server-concurrency-note')).toContainText('With 2, the next request waits at the server');
	await page.getByTestId('server-concurrency').fill('4');
	await expect(page.getByTestId('server-concurrency-note')).toHaveCount(0);
	await configure(page, 2, 40);
	await expect(page.getByTestId('cost')).toContainText('18 samples');
	await expect(page.getByTestId('cost')).toContainText('download 0.0 MB;');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect.poll(() => doneCount(page), { timeout: 240_000 }).toBeGreaterThanOrEqual(3);
	await page.getByRole('button', { name: 'Pause' }).click();
	await status(page, 'paused');
	const atPause = await doneCount(page);
	expect(atPause).toBeLessThan(18);
	await page.waitForTimeout(1500);
	expect(await doneCount(page)).toBe(atPause);

	await page.reload();
	const saved = page.getByTestId('saved-studies').locator('li[data-status="paused"]');
	await expect(saved).toHaveCount(1);
	await expect(saved).toContainText(`${atPause} / 18`);
	await saved.getByRole('button', { name: 'Resume' }).click();
	await status(page, 'done');
	const { bundle } = await downloadBundle(page);
	expect(bundle.samples).toHaveLength(18);
	expect(new Set(bundle.samples.map(key)).size).toBe(18);
	expect(bundle.models[0]).toMatchObject({ engine: 'openai', source: open.url, serverModel: 'tiny-m1' });
	const server = bundle.environment.servers?.[0];
	expect(server).toMatchObject({ baseUrl: open.url, served: 'tiny-m1', kind: 'llama.cpp' });
	expect(server?.fingerprints[0]).toMatch(/^llama\.cpp-/);
	expect(server?.listed.map((m) => m.id)).toEqual(['tiny-m1', 'tiny-m1-spare']);
	expect(server?.reproducibility).toContain('one slot');
	expect(bundle.environment.engine).toContain(`OpenAI-compatible server (llama.cpp) at ${open.url}`);
	// The report fills in from the same samples.
	const live = page.getByRole('table', { name: /Live report/ });
	await expect(live.getByRole('row', { name: /^tiny-m1 / })).toBeVisible();
	await page.getByRole('link', { name: 'Open the full report' }).click();
	await expect(page.getByText('tiny-m1').first()).toBeVisible();

	// The same model through wllama in this browser: greedy is seed-free, so the outputs must agree.
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('problems');
	await openStudyPage(page, 6);
	await page.getByRole('group', { name: /Built-in tiny models/ }).getByRole('checkbox').first().check();
	await configure(page, 0, 40);
	await page.getByRole('button', { name: 'Run the study' }).click();
	await status(page, 'done');
	const wllama = (await downloadBundle(page)).bundle;
	const greedyOf = (b: Bundle) => Object.fromEntries(b.samples.filter((s) => s.index === -1).map((s) => [s.problem, s.text]));
	expect(Object.keys(greedyOf(wllama))).toHaveLength(6);
	expect(greedyOf(bundle)).toEqual(greedyOf(wllama));
});

test('a wrong key and a model the server no longer serves give readable errors; the key is never stored or logged', async ({ page }) => {
	test.setTimeout(300_000);
	const logs: string[] = [];
	page.on('console', (m) => logs.push(m.text()));
	page.on('worker', (w) => w.on('console', (m) => logs.push(m.text())));
	await openStudyPage(page, 2);

	await page.getByTestId('server-url').fill(locked.url);
	await page.getByTestId('server-key').fill('sk-wrong-key');
	await page.getByTestId('server-list').click();
	await expect(page.getByTestId('server-error')).toContainText('wrong or missing API key (401');

	await addServerModel(page, locked.url, 'tiny-m1', KEY);
	await addServerModel(page, open.url, 'tiny-m1-spare');
	await configure(page, 0, 24);
	open.unserve('tiny-m1-spare');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-error')).toContainText(`The server at ${open.url} does not serve the model "tiny-m1-spare"; it serves "tiny-m1". Choose one of those.`, { timeout: 240_000 });
	await status(page, 'paused');
	expect(await doneCount(page)).toBe(2);

	const stored = await page.evaluate(async () => {
		const dump: unknown[] = [];
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open(info.name as string);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			for (const name of Array.from(db.objectStoreNames)) {
				const all = await new Promise<unknown[]>((resolve, reject) => {
					const r = db.transaction(name).objectStore(name).getAll();
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
				dump.push(...all.map((x) => (x instanceof Blob ? `blob ${x.size}` : x)));
			}
			db.close();
		}
		return JSON.stringify({ dump, local: { ...localStorage }, session: { ...sessionStorage }, url: location.href });
	});
	expect(stored).toContain('tiny-m1-spare');
	expect(stored).not.toContain(KEY);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await status(page, 'cancelled');
	const { text } = await downloadBundle(page);
	expect(text).toContain(locked.url);
	expect(text).not.toContain(KEY);
	expect(logs.join('\n')).not.toContain(KEY);
});
