// The report dashboard against a fixture bundle: what it shows equals computeReport in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { computeReport } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';
import type { Report } from '../../src/lib/core/metrics/reportTypes';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');
const bundle = JSON.parse(fixtureText) as Bundle;
const expected: Report = JSON.parse(JSON.stringify(computeReport(bundle)));

const CHARTS = [
	'pass-at-k',
	'maj-at-k',
	'improvement-sets',
	'reference-on-is',
	'coverage',
	'answer-space',
	'diversity-distinctN',
	'diversity-ead',
	'diversity-semantic',
	'diversity-equations',
	'answer-diversity',
	'ood',
	'levels'
];

async function openFixture(page: Page, path = '/report') {
	await page.goto(path);
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);
	await expect(page.getByTestId('dashboard')).toBeVisible();
}

const num = (v: string | null) => (v === null || v === 'n/a' ? undefined : Number(v));

test('a fixture bundle renders every chart and the verdicts, with the numbers of computeReport', async ({ page }) => {
	await openFixture(page);
	for (const id of CHARTS) await expect(page.locator(`[data-chart="${id}"] svg`).first(), id).toBeVisible();

	for (const m of expected.models) {
		const row = page.getByTestId('headline-table').locator(`tr[data-model="${m.model}"]`);
		expect(num(await row.locator('[data-metric="pass1Greedy"]').getAttribute('data-value'))).toBe(m.accuracy.pass1Greedy.value);
		expect(num(await row.locator('[data-metric="pass1Sampled"]').getAttribute('data-value'))).toBe(m.accuracy.pass1Sampled.value);
		expect(num(await row.locator('[data-metric="coverage"]').getAttribute('data-value'))).toBe(m.coverage.value);
		for (const p of m.accuracy.passAtK) {
			const point = page.locator(`[data-chart="pass-at-k"] circle[data-series="${m.model}"][data-k="${p.k}"]`);
			if (p.value === undefined) await expect(point).toHaveCount(0);
			else expect(num(await point.getAttribute('data-value'))).toBe(p.value);
		}
		const cov = page.locator(`[data-chart="coverage"] g.bar[data-series="${m.model}"] rect`);
		expect(num(await cov.getAttribute('data-value'))).toBe(m.coverage.value);

		for (const subset of ['all', 'correct', 'incorrect'] as const) {
			for (const metric of ['distinctN', 'ead', 'semantic', 'equations'] as const) {
				const bar = page.locator(`[data-chart="diversity-${metric}"] g.bar[data-group="${subset}"][data-series="${m.model}"] rect`);
				expect(num(await bar.getAttribute('data-value')), `${metric} ${subset} ${m.model}`).toBe(m.diversity[subset][metric].value);
			}
		}
		for (const l of m.byLevel) {
			const bar = page.locator(`[data-chart="levels"] g.bar[data-group="${l.level}"][data-series="${m.model}"] rect`);
			expect(num(await bar.getAttribute('data-value'))).toBe(l.accuracy.value);
		}
		const gd = page.getByTestId('gd-table').locator(`tr[data-model="${m.model}"] td`).first();
		expect(num(await gd.getAttribute('data-value'))).toBe(m.groupDisparity.value);

		if (!m.verdict) continue;
		const card = page.locator(`article.verdict[data-model="${m.model}"]`);
		await expect(card).toHaveAttribute('data-kind', m.verdict.kind);
		await expect(card.locator('.summary')).toHaveText(m.verdict.summary);
		const fired = m.verdict.signals.filter((s) => s.fired).map((s) => s.id);
		expect(await card.locator('[data-fired="true"]:not(.headline)').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))).toEqual(fired);
		expect(num(await card.locator('.headline dd').getAttribute('data-delta'))).toBe(m.verdict.headline.difference.delta);
	}
	// Every model that is not the reference has a verdict card; the reference has none.
	await expect(page.locator('article.verdict')).toHaveCount(expected.models.filter((m) => m.verdict).length);
});

test('clicking a pass@k point opens the samples behind it', async ({ page }) => {
	await openFixture(page);
	const point = page.locator('[data-chart="pass-at-k"] circle[data-series="M2"][data-k="4"]');
	await point.click();
	await expect(page.locator('.browser .status')).toContainText('Samples behind pass@4 of Iteration 2');
	const cells = page.locator('.browser .cell');
	await expect(cells.first()).toBeVisible();
	expect(new Set(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-model'))))).toEqual(new Set(['M2']));
	// Keyboard: focus a point and press Enter.
	await page.locator('[data-chart="pass-at-k"] circle[data-series="M3"][data-k="2"]').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.browser .status')).toContainText('Samples behind pass@2 of Iteration 3');
});

test('sample text with HTML and script shows as text and runs nothing', async ({ page }) => {
	await openFixture(page);
	await page.getByRole('searchbox').fill('onerror=alert');
	const cell = page.locator('.browser .cell[data-model="M2"] pre.text', { hasText: '<img src=x onerror=alert(1)>' });
	await expect(cell).toBeVisible();
	await expect(cell).toContainText('<script>alert(2)</script>');
	await expect(page.locator('.browser img, .browser script')).toHaveCount(0);
	// The fixture's guard fails the test if any dialog opened.
});

test('a malformed file shows an error naming the place, and the open study stays', async ({ page }) => {
	await openFixture(page);
	const broken = JSON.parse(fixtureText) as { samples: Record<string, unknown>[] };
	broken.samples[5]!.correct = 'yes';
	await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
	await expect(page.getByTestId('load-error')).toContainText('samples[5].correct');
	await expect(page.getByTestId('load-error')).toContainText('broken.json');
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);
	await expect(page.locator('[data-chart="pass-at-k"]')).toBeVisible();

	const jsonl = '{"model":"A","problem_id":"p1","sample_index":0,"text":"#### 1","gold":"1"}\n{"model": "A", oops}\n';
	await page.getByTestId('file-input').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
	await expect(page.getByTestId('load-error')).toContainText(/line 2/);
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);

	await page.getByTestId('file-input').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(fixtureText.slice(0, 5000)) });
	await expect(page.getByTestId('load-error')).toContainText(/line|position|column/i);
	await expect(page.getByTestId('study-name')).toHaveText(bundle.study.name);
});

test('an exported bundle re-imports to an identical report; exported SVG parses as SVG', async ({ page }) => {
	await openFixture(page);
	const [reportDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
	const before = JSON.parse(readFileSync(await reportDl.path(), 'utf8')) as Report;
	expect(before).toEqual(expected);

	const [bundleDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
	const exported = await bundleDl.path();
	expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual(bundle);
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles({ name: 'exported.json', mimeType: 'application/json', buffer: readFileSync(exported) });
	await expect(page.getByTestId('dashboard')).toBeVisible();
	const [againDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
	expect(JSON.parse(readFileSync(await againDl.path(), 'utf8'))).toEqual(before);

	const [svgDl] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-chart="pass-at-k"]').getByRole('button', { name: /as SVG/ }).click()
	]);
	expect(svgDl.suggestedFilename()).toBe('pass-at-k.svg');
	const svgText = readFileSync(await svgDl.path(), 'utf8');
	expect(svgText).not.toContain('var(--');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, circles: doc.getElementsByTagName('circle').length };
	}, svgText);
	expect(parsed).toEqual({ root: 'svg', errors: 0, circles: expected.models.reduce((a, m) => a + m.accuracy.passAtK.filter((p) => p.value !== undefined).length, 0) });

	const [pngDl] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-chart="pass-at-k"]').getByRole('button', { name: /as PNG/ }).click()
	]);
	expect(readFileSync(await pngDl.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('the built site works from a sub-path: home, demo link and ?bundle=', async ({ page }) => {
	await page.goto('/sub/path/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Reversal Lab/);
	await page.getByRole('link', { name: 'Open the demo study' }).click();
	await expect(page).toHaveURL(/\/sub\/path\/report\?demo$/);
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 60_000 });
	await page.goto('/sub/path/report?bundle=demo/demo-bundle.json');
	await expect(page.getByTestId('study-name')).toContainText(/demo/i);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
	await expect(page).toHaveURL(/\/sub\/path\/?$/);
});

test('a ?bundle= URL that fails to download says so and suggests CORS', async ({ page }) => {
	await page.goto('/report?bundle=missing/nothing.json');
	await expect(page.getByTestId('load-error')).toContainText('404');
	await expect(page.getByTestId('load-error')).toContainText('CORS');
});
