// The report dashboard against a fixture bundle: what it shows equals computeReport in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { keyToMark } from './chartKeys';
import { METRICS, computeReport, headlineTable } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';
import type { Report } from '../../src/lib/core/metrics/reportTypes';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');
const bundle = JSON.parse(fixtureText) as Bundle;
const expected: Report = JSON.parse(JSON.stringify(computeReport(bundle)));

// Every chart of the metric registry: a metric added with a chart is checked here without a new line.
const CHARTS = METRICS.flatMap((m) => m.charts ?? []).map((c) => c.id);

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

	const table = headlineTable(expected);
	for (const r of table.rows) {
		const row = page.getByTestId('headline-table').locator(`tr[data-model="${r.model}"]`);
		for (const [i, c] of table.columns.entries()) expect(num(await row.locator(`[data-metric="${c.id}"]`).getAttribute('data-value')), `${r.model} ${c.id}`).toBe(r.cells[i]!.value);
	}
	for (const m of expected.models) {
		const row = page.getByTestId('headline-table').locator(`tr[data-model="${m.model}"]`);
		expect(num(await row.locator('[data-metric="pass1Greedy"]').getAttribute('data-value'))).toBe(m.accuracy.pass1Greedy.value);
		expect(num(await row.locator('[data-metric="pass1Sampled"]').getAttribute('data-value'))).toBe(m.accuracy.pass1Sampled.value);
		for (const p of m.accuracy.passAtK) {
			const point = page.locator(`[data-chart="pass-at-k"] .point[data-series="${m.model}"][data-k="${p.k}"]`);
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

test('the measures beyond pass@k: crossover marker and sentence, two-set diagram, scatter and histogram open their samples', async ({ page }) => {
	await openFixture(page);
	const crossed = expected.models.filter((m) => m.versus?.crossover);
	expect(crossed.length).toBeGreaterThan(0);
	for (const m of crossed) {
		const k = String(m.versus!.crossover!.k);
		await expect(page.locator(`[data-chart="pass-at-k"] [data-marker="${m.model}"]`)).toHaveAttribute('data-k', k);
		await expect(page.locator(`article.verdict[data-model="${m.model}"] [data-testid="crossover"]`)).toHaveText(
			`${m.label} leads up to k = ${m.versus!.crossover!.leadsUpTo}; Iteration 1 leads from k = ${k}.`
		);
	}
	// The two-set diagram of the last model (the default), by keyboard: the chart's one tab stop,
	// Right to the middle region, Enter; the focus moves to the samples.
	const last = expected.models[expected.models.length - 1]!;
	const sets = last.versus!.solvable!;
	for (const region of ['onlyReference', 'both', 'onlyModel'] as const) {
		await expect(page.locator(`[data-chart="solvable-sets"] [data-region="${region}"]`)).toHaveAttribute('data-value', String(sets[region].count));
	}
	await expect(await keyToMark(page, 'solvable-sets', 0, 1)).toHaveAttribute('data-active', 'both');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('samples-status')).toBeFocused();
	await expect(page.locator('.browser .status')).toContainText(`Solvable by both. ${sets.both.count} problems`);
	const shown = await page.locator('.browser .row.problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')));
	expect(shown.length).toBeGreaterThan(0);
	for (const id of shown) expect(sets.both.ids).toContain(id);

	// Another model in the picker redraws the diagram with its own counts.
	const first = expected.models[1]!;
	await page.getByTestId('versus-model').selectOption(first.model);
	await expect(page.locator('[data-chart="solvable-sets"] [data-region="onlyReference"]')).toHaveAttribute('data-value', String(first.versus!.solvable!.onlyReference.count));

	// The scatter: one point per problem with samples from both; a point opens its problem.
	const withBoth = bundle.problems.filter((_, j) => first.successRates[j] !== null && expected.models[0]!.successRates[j] !== null);
	await expect(page.locator('[data-chart="problem-scatter"] .point[data-problem]')).toHaveCount(withBoth.length);
	const target = withBoth[3]!.id;
	await page.locator(`[data-chart="problem-scatter"] .point[data-problem="${target}"]`).click();
	await expect(page.locator('.browser .status')).toContainText(`Problem ${target}`);
	expect(await page.locator('.browser .row.problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')))).toEqual([target]);

	// The histogram: the bar of exact 1 for the last model opens its problems with c/n = 1.
	const ones = last.successRates.filter((r) => r === 1).length;
	const bar = page.locator(`[data-chart="success-histogram"] g.bar[data-group="5"][data-series="${last.model}"] rect`);
	expect(num(await bar.getAttribute('data-value'))).toBeCloseTo(ones / last.successRates.filter((r) => r !== null).length, 12);
	await bar.click();
	await expect(page.locator('.browser .status')).toContainText(`${ones} problems`);
});

test('clicking a pass@k point opens the samples behind it', async ({ page }) => {
	await openFixture(page);
	const point = page.locator('[data-chart="pass-at-k"] .point[data-series="M2"][data-k="4"]');
	await point.click();
	await expect(page.locator('.browser .status')).toContainText('Samples behind pass@4 of Iteration 2');
	const cells = page.locator('.browser .cell');
	await expect(cells.first()).toBeVisible();
	expect(new Set(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-model'))))).toEqual(new Set(['M2']));
	// Keyboard: the chart is one tab stop; Down twice to M3, Right once to k = 2, Enter.
	await expect(await keyToMark(page, 'pass-at-k', 2, 1)).toHaveAttribute('data-active', 'M3|2');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('samples-status')).toBeFocused();
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
	expect(svgDl.suggestedFilename()).toBe(`${bundle.study.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-pass-at-k.svg`);
	const svgText = readFileSync(await svgDl.path(), 'utf8');
	expect(svgText).not.toContain('var(--');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, points: doc.querySelectorAll('.point').length };
	}, svgText);
	expect(parsed).toEqual({ root: 'svg', errors: 0, points: expected.models.reduce((a, m) => a + m.accuracy.passAtK.filter((p) => p.value !== undefined).length, 0) });

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
	await expect(page).toHaveURL(/\/sub\/path\/demo\?bundle=demo\/demo-full-bundle\.json$/);
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });
	await page.goto('/sub/path/report?demo');
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 60_000 });
	await page.goto('/sub/path/report?bundle=demo/demo-bundle.json');
	await expect(page.getByTestId('study-name')).toContainText(/demo/i);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
	await expect(page).toHaveURL(/\/sub\/path\/?$/);
});

test('a ?bundle= URL that fails to download says so, with what to check', async ({ page }) => {
	// The server answered (so cross-origin reading worked): the advice is about the address. Unreachable
	// hosts get the CORS advice (engine.e2e.ts, and fetchCapped's unit tests).
	await page.goto('/report?bundle=missing/nothing.json');
	await expect(page.getByTestId('load-error')).toContainText('404');
	await expect(page.getByTestId('load-error')).toContainText('Check the address');
});
