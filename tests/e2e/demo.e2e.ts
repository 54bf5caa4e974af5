// The live demo, end to end: from the home page, a short run of the built-in tiny family through
// the real runner worker and llama.cpp (wllama, WASM), saved to IndexedDB, the report filling in.
// The fixture fails the test on any request that leaves localhost.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { computeReport } from '../../src/lib/core/metrics';

const PROBLEMS = 10;
const N = 2;
const MODELS = 5;
const TOTAL = PROBLEMS * MODELS * (N + 1);

interface Stored {
	model: string;
	problem: string;
	index: number;
	text: string;
	answer: string | null;
	correct: boolean;
	tokens: number;
	ms?: number;
}

/** The samples of a study as the runner stored them, read straight from IndexedDB. */
async function storedSamples(page: import('@playwright/test').Page, study: string): Promise<Stored[]> {
	return page.evaluate(
		(study) =>
			new Promise<Stored[]>((resolve, reject) => {
				const open = indexedDB.open('reversal-lab-runs');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('samples').objectStore('samples').getAll(IDBKeyRange.bound([study], [study, []]));
					get.onerror = () => reject(get.error);
					get.onsuccess = () => resolve(get.result as Stored[]);
				};
			}),
		study
	);
}

test('"Run the demo" samples M1..M5 through wllama offline and the report fills in', async ({ page }) => {
	test.setTimeout(240_000);
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/');
	const run = page.getByRole('link', { name: 'Run the demo' });
	await expect(run).toBeVisible();
	await run.click();
	await expect(page).toHaveURL(/\/demo$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live demo');
	await expect(page.getByTestId('demo-plan')).toContainText('5 models × 40 problems × (greedy + 8) = 1,800 samples');
	await expect(page.getByTestId('demo-plan')).toContainText('Q: {question}\\nA: ');

	// A shorter configuration, typed in with the keyboard.
	await page.getByLabel('Problems').fill(String(PROBLEMS));
	await page.getByLabel('Samples per problem (n)').fill(String(N));
	await expect(page.getByTestId('demo-plan')).toContainText(`= ${TOTAL} samples`);
	await page.getByLabel('Samples per problem (n)').press('Enter');

	const status = page.getByTestId('demo-run');
	await expect(status).toHaveAttribute('data-status', 'running');
	// Live: the dashboard shows up while the run is still going.
	await expect(page.getByTestId('demo-report')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'false');
	await expect(page.getByTestId('demo-report')).toContainText('samples so far');
	await expect(page.getByTestId('demo-start')).toBeDisabled();

	await expect(status).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
	await expect(page.getByTestId('demo-overall')).toHaveText(`${TOTAL} / ${TOTAL}`);
	await expect(page.getByTestId('demo-status')).toContainText(new RegExp(`Finished: ${TOTAL} samples in [0-9.]+ s`));
	expect(Number(await page.getByTestId('demo-tps').textContent().then((t) => (t ?? '').replace(/,/g, '')))).toBeGreaterThan(0);
	for (const label of ['M1', 'M2', 'M3', 'M4', 'M5'])
		await expect(page.locator(`.bar[data-model="tiny-m${label.slice(1)}"] .count`)).toHaveText(`${PROBLEMS * (N + 1)} / ${PROBLEMS * (N + 1)}`);

	// Every sample is in IndexedDB, graded, with text from the model.
	const stored = await storedSamples(page, `demo-live-${PROBLEMS}x${N}`);
	expect(stored).toHaveLength(TOTAL);
	expect(new Set(stored.map((s) => s.model))).toEqual(new Set(['tiny-m1', 'tiny-m2', 'tiny-m3', 'tiny-m4', 'tiny-m5']));
	expect(new Set(stored.map((s) => s.problem)).size).toBe(PROBLEMS);
	expect(stored.filter((s) => s.index === -1)).toHaveLength(PROBLEMS * MODELS);
	expect(stored.every((s) => s.tokens > 0 && s.text.length > 0)).toBe(true);
	// The models answer in their trained format: most samples end in a strict "#### answer".
	expect(stored.filter((s) => s.answer !== null).length).toBeGreaterThan(TOTAL / 2);
	expect(stored.some((s) => s.correct)).toBe(true);

	// The whole report: a verdict card per later model and the pass@k chart, counting every sample.
	const report = page.getByTestId('demo-report');
	await expect(report).toContainText(`(${TOTAL} samples)`);
	await expect(report.locator('article.verdict')).toHaveCount(MODELS - 1);
	await expect(report.locator('[data-chart="pass-at-k"]')).toBeVisible();
	await expect(report.locator('[data-chart="pass-at-k"] .plot svg')).toBeVisible();
	await expect(report.getByTestId('headline-table').locator('tbody tr')).toHaveCount(MODELS);

	// The full report page opens the same study.
	await page.getByTestId('demo-full-report').click();
	await expect(page).toHaveURL(/\/report$/);
	await expect(page.getByTestId('study-name')).toContainText('Live demo');
	await expect(page.getByTestId('study-header')).toContainText(`${TOTAL} samples`);

	// The live report, its models split between the report worker and a model-part worker, is
	// computeReport's of the same samples, byte for byte.
	expect(workers.some((url) => url.includes('modelPart.worker'))).toBe(true);
	const [bundleFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
	const [reportFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
	const bundle = JSON.parse(readFileSync(await bundleFile.path(), 'utf8'));
	expect(bundle.samples).toHaveLength(TOTAL);
	expect(readFileSync(await reportFile.path(), 'utf8')).toBe(JSON.stringify(computeReport(bundle), null, 2));
});

test('?autostart with a query configuration runs at once; Pause, Resume and Cancel work by keyboard', async ({ page }) => {
	test.setTimeout(120_000);
	// 400 samples: long enough that a loaded machine cannot finish before Pause is pressed.
	await page.goto('/demo?problems=20&n=3&autostart');
	const status = page.getByTestId('demo-run');
	await expect(status).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
	await expect(page.getByTestId('demo-overall')).toContainText('/ 400');
	const pause = page.getByRole('button', { name: 'Pause' });
	await pause.focus();
	await page.keyboard.press('Enter');
	await expect(status).toHaveAttribute('data-status', 'paused');
	await expect(page.getByTestId('demo-status')).toContainText('Paused');
	const resume = page.getByRole('button', { name: 'Resume' });
	await resume.focus();
	await page.keyboard.press('Enter');
	await expect(status).toHaveAttribute('data-status', 'running');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(status).toHaveAttribute('data-status', /cancelled|done/);
	await expect(page.getByTestId('demo-start')).toBeEnabled();
});

test('?lanes=2 samples two models at once and stores exactly the samples of ?lanes=1', async ({ page }) => {
	test.setTimeout(240_000);
	// 56 samples a model: enough for the free lane to join the last model (runner/laneQueue).
	const runs: Stored[][] = [];
	for (const lanes of [2, 1]) {
		await page.goto(`/demo?problems=8&n=6&lanes=${lanes}&autostart`);
		const status = page.getByTestId('demo-run');
		await expect(status).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
		// The bars of the models being sampled are marked: two at once, then one.
		if (lanes === 2) await expect(page.locator('.bar.current')).toHaveCount(2, { timeout: 30_000 });
		await expect(status).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
		const stored = await storedSamples(page, 'demo-live-8x6');
		expect(stored).toHaveLength(5 * 8 * 7);
		runs.push(stored.map(({ ms: _ms, ...rest }) => rest).sort((a, b) => `${a.model}/${a.problem}/${a.index}`.localeCompare(`${b.model}/${b.problem}/${b.index}`)));
	}
	expect(runs[0]).toEqual(runs[1]);
});

test('a bad query parameter is named and its default kept', async ({ page }) => {
	await page.goto('/demo?problems=abc&n=-1');
	const errors = page.getByTestId('demo-query-errors');
	await expect(errors).toContainText('"problems" should be a whole number from 1 to 200; got "abc"');
	await expect(errors).toContainText('"n" should be a whole number from 0 to 64; got "-1"');
	await expect(page.getByTestId('demo-plan')).toContainText('= 1,800 samples');
	await expect(page.getByTestId('demo-run')).toHaveCount(0);
});
