// A study above the quick-report threshold (20,000 samples): a first view without intervals, then
// the complete report, whose per-group statistics the report worker's pool of Web Workers computes.
// The exported report must be computeReport's in Node byte for byte, whatever the pool's size.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { computeReport } from '../../src/lib/core/metrics';
import { syntheticBundle } from '../../src/lib/core/synthetic/syntheticBundle';

// 5 models x 80 problems x (greedy + 60) = 24,400 samples.
const bundle = syntheticBundle({ models: 5, problems: 80, n: 60, words: 40, seed: 3 });
const file = { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) };

test("a large study's complete report comes from the page's group-statistics workers, equal to computeReport's bytes", async ({ page }) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(file);
	await expect(page.getByTestId('dashboard')).toBeVisible();
	await expect(page.locator('[data-testid="dashboard"][data-intervals="true"]')).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('[data-section="diversity"] [data-chart]').first()).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
	expect(readFileSync(await download.path(), 'utf8')).toBe(JSON.stringify(computeReport(bundle), null, 2));
	expect(workers.filter((url) => url.includes('groupStats.worker')).length).toBeGreaterThan(0);
});
