// Exports that must match the command-line tool, and the share link of a study configuration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { computeReport, tidyRows, toCsv } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');
const bundle = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Bundle;

test('the tidy CSV equals the command-line table and the Markdown summary lists the verdicts', async ({ page }) => {
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await expect(page.getByTestId('dashboard')).toBeVisible();
	const report = computeReport(bundle);
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	expect(readFileSync(await csv.path(), 'utf8')).toBe(toCsv(tidyRows(report)));
	const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
	const text = readFileSync(await md.path(), 'utf8');
	expect(text).toContain(`# ${bundle.study.name}`);
	for (const m of report.models) if (m.verdict) expect(text).toContain(`### ${m.label}: ${m.verdict.kind}`);
});

test('the share link carries the study configuration, validated when opened', async ({ page }) => {
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await page.getByTestId('copy-link').click();
	const link = await page.getByTestId('share-link').inputValue();
	const url = new URL(link);
	expect(url.pathname).toBe('/study');
	expect(url.hash).toMatch(/^#s\d+\./);

	await page.goto(`/report${url.hash}`);
	await expect(page.getByTestId('shared-study')).toContainText(bundle.study.name);
	await expect(page.getByTestId('shared-study')).toContainText(`seed ${bundle.study.seed}`);

	// Cut short: the compressed configuration no longer inflates or validates.
	await page.goto(`/report${url.hash.slice(0, 40)}`);
	await expect(page.getByTestId('shared-error')).toContainText(/damaged|study\./);
});

test('a gzipped bundle and a samples JSONL file both open as studies', async ({ page }) => {
	const { gzipSync } = await import('node:zlib');
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles({ name: 'small.json.gz', mimeType: 'application/gzip', buffer: gzipSync(readFileSync(FIXTURE)) });
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);
	const cut = gzipSync(readFileSync(FIXTURE));
	await page.getByTestId('file-input').setInputFiles({ name: 'cut.json.gz', mimeType: 'application/gzip', buffer: cut.subarray(0, cut.length >> 1) });
	await expect(page.getByTestId('load-error')).toContainText(/damaged gzip after \d+ bytes/);
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);

	const lines = bundle.samples
		.filter((s) => s.model !== 'M3')
		.map((s) => {
			const p = bundle.problems.find((q) => q.id === s.problem)!;
			return JSON.stringify({ model: s.model, problem_id: s.problem, sample_index: s.index, text: s.text, gold: p.answer, split: p.split, level: p.level, correct: s.correct });
		});
	await page.getByTestId('file-input').setInputFiles({ name: 'samples.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n') + '\n') });
	await expect(page.getByTestId('dashboard')).toBeVisible();
	await expect(page.getByTestId('study-header')).toContainText('2 models');
	await expect(page.getByTestId('study-header')).toContainText(`${lines.length} samples`);
	await expect(page.locator('article.verdict[data-model="M2"]')).toBeVisible();
});
