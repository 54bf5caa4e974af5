// The runner end to end: the study page, the runner worker, the wllama engine worker and real
// IndexedDB, on GGUF models this test writes with the project's own GGUF writer.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { randomLlamaModel } from '../../src/lib/gguf';
import { sampleSeed } from '../../src/lib/core/random';
import type { Bundle, Sample } from '../../src/lib/core/types';

const MODEL_A = Buffer.from(randomLlamaModel({ seed: 1, scale: 2 }));
const MODEL_B = Buffer.from(randomLlamaModel({ seed: 2, scale: 2 }));
/** Never emits end-of-text: every request runs to max tokens, so one can be caught in flight. */
const ENDLESS = Buffer.from(randomLlamaModel({ seed: 3, scale: 2, avoidEos: true, config: { ctx: 4096 } }));

async function addModel(page: Page, name: string, buffer: Buffer): Promise<void> {
	await page.getByLabel('Local file').check();
	await page.getByTestId('gguf-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
	await page.getByRole('button', { name: 'Add model' }).click();
}

async function openStudyPage(page: Page): Promise<void> {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	// The default prompt template depends on whether built-in models ship: wait until that is known.
	await expect(page.getByRole('group', { name: /Built-in tiny models/ }).or(page.getByTestId('no-builtins'))).toBeVisible();
}

async function configure(page: Page, settings: { maxTokens: number; n?: number; greedy?: boolean }): Promise<void> {
	await page.getByLabel('Max tokens').fill(String(settings.maxTokens));
	if (settings.n !== undefined) await page.getByLabel('Samples per problem (n)').fill(String(settings.n));
	if (settings.greedy === false) await page.getByLabel('Also one greedy sample').uncheck();
}

async function status(page: Page, want: string, timeout = 120_000): Promise<void> {
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', want, { timeout });
}

async function doneCount(page: Page): Promise<number> {
	return Number(await page.getByTestId('overall-done').innerText());
}

async function downloadBundle(page: Page): Promise<Bundle> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
	return JSON.parse(await readFile(await download.path(), 'utf8')) as Bundle;
}

/** Everything but timings: what two runs on the same engine and machine must agree on. */
const comparable = (samples: Sample[]) => samples.map(({ ms: _ms, ...rest }) => rest);

test.describe.serial('a study of 2 models x 20 problems x (greedy + 8) through wllama', () => {
	let reference: Bundle;

	test('runs to 360 samples with distinct seeds derived from (study seed, model, problem, index)', async ({ page }) => {
		await openStudyPage(page);
		await addModel(page, 'a.gguf', MODEL_A);
		await addModel(page, 'b.gguf', MODEL_B);
		await configure(page, { maxTokens: 32 });
		await expect(page.getByTestId('cost')).toContainText('360 samples');
		await page.getByRole('button', { name: 'Run the study' }).click();
		await status(page, 'done');
		reference = await downloadBundle(page);
		expect(reference.samples).toHaveLength(360);
		const seeds = new Set(reference.samples.map((s) => s.seed));
		expect(seeds.size).toBe(360);
		for (const s of reference.samples) expect(s.seed).toBe(sampleSeed(reference.study.seed, s.model, s.problem, s.index));
		expect(reference.models.map((m) => m.id)).toEqual(['a', 'b']);
		expect(reference.samples.filter((s) => s.index === -1)).toHaveLength(40);
		expect(reference.samples.every((s) => s.tokens > 0 && s.tokens <= 32)).toBe(true);
		expect(reference.environment.engine).toMatch(/^wllama 3\.13\.0 \(wasm/);
		// Sampled outputs differ from one another: seeds reach the engine.
		expect(new Set(reference.samples.filter((s) => s.model === 'a' && s.problem === reference.problems[0]?.id).map((s) => s.text)).size).toBeGreaterThan(4);
		await expect(page.locator('table').getByRole('row')).toHaveCount(3);
	});

	test('a second run of the same study gives the same bundle', async ({ page }) => {
		await openStudyPage(page);
		await addModel(page, 'a.gguf', MODEL_A);
		await addModel(page, 'b.gguf', MODEL_B);
		await configure(page, { maxTokens: 32 });
		await page.getByRole('button', { name: 'Run the study' }).click();
		await status(page, 'done');
		const again = await downloadBundle(page);
		expect(comparable(again.samples)).toEqual(comparable(reference.samples));
		expect(again.problems).toEqual(reference.problems);
	});

	test('reloading the page mid-run and resuming gives the same bundle as the uninterrupted run', async ({ page }) => {
		await openStudyPage(page);
		await addModel(page, 'a.gguf', MODEL_A);
		await addModel(page, 'b.gguf', MODEL_B);
		await configure(page, { maxTokens: 32 });
		await page.getByRole('button', { name: 'Run the study' }).click();
		await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
		await page.reload();
		const saved = page.getByTestId('saved-studies').locator('li[data-status="running"]');
		await expect(saved).toHaveCount(1);
		const kept = Number((await saved.innerText()).match(/(\d+) \/ 360/)?.[1]);
		expect(kept).toBeGreaterThanOrEqual(100);
		await saved.getByRole('button', { name: 'Resume' }).click();
		await status(page, 'done');
		const resumed = await downloadBundle(page);
		expect(resumed.samples).toHaveLength(360);
		expect(comparable(resumed.samples)).toEqual(comparable(reference.samples));
	});

	test('pause stops sampling until resume; the finished run matches the reference', async ({ page }) => {
		await openStudyPage(page);
		await addModel(page, 'a.gguf', MODEL_A);
		await configure(page, { maxTokens: 32 });
		await page.getByRole('button', { name: 'Run the study' }).click();
		await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
		await page.getByRole('button', { name: 'Pause' }).click();
		await status(page, 'paused');
		const atPause = await doneCount(page);
		await page.waitForTimeout(1500);
		expect(await doneCount(page)).toBe(atPause);
		expect(atPause).toBeLessThan(180);
		await page.getByRole('button', { name: 'Resume' }).click();
		await status(page, 'done');
		const bundle = await downloadBundle(page);
		expect(comparable(bundle.samples)).toEqual(comparable(reference.samples.filter((s) => s.model === 'a')));
	});
});

test('cancel stops a request in flight within a second, and keeps what was taken', async ({ page }) => {
	await openStudyPage(page);
	await addModel(page, 'endless.gguf', ENDLESS);
	await configure(page, { maxTokens: 3000, n: 2 });
	await page.getByRole('button', { name: 'Run the study' }).click();
	await status(page, 'running');
	// Let the first samples finish so one long request is surely in flight.
	await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
	const t0 = Date.now();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await status(page, 'cancelled', 5_000);
	const ms = Date.now() - t0;
	console.log(`cancel took effect in ${ms} ms`);
	expect(ms).toBeLessThan(1000);
	const bundle = await downloadBundle(page);
	expect(bundle.samples.length).toBe(await doneCount(page));
	// A full-length sample: the request that was cancelled would have run as long.
	expect(bundle.samples[0]?.tokens).toBe(3000);
	expect(bundle.samples[0]?.ms).toBeGreaterThan(1000);
});

test('the built-in models run from the app’s own files, also when the app is served under a sub-path', async ({ page }) => {
	await page.goto('/sub/path/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	const builtins = page.getByRole('group', { name: /Built-in tiny models/ }).getByRole('checkbox');
	await expect(builtins.first()).toBeVisible();
	await builtins.nth(0).check();
	await builtins.nth(1).check();
	await configure(page, { maxTokens: 96, n: 2 });
	await expect(page.getByTestId('cost')).toContainText('120 samples');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await status(page, 'done');
	const bundle = await downloadBundle(page);
	expect(bundle.samples).toHaveLength(120);
	expect(bundle.models.every((m) => m.engine === 'builtin')).toBe(true);
	expect(bundle.study.prompt.text).toBe('Q: {question}\nA: ');
	// Trained models answer in the trained format: some greedy answers are extracted and right.
	const greedyCorrect = bundle.samples.filter((s) => s.index === -1 && s.correct).length;
	console.log(`built-in: ${greedyCorrect} of 40 greedy samples correct; answers extracted: ${bundle.samples.filter((s) => s.answer !== null).length} of 120`);
	expect(bundle.samples.filter((s) => s.answer !== null).length).toBeGreaterThan(60);
});
