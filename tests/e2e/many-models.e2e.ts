// A study of a dozen models (three chains, as in the full demo) on the report page: every series
// has its own colour and shape, each with 3:1 contrast in both themes; a chart is one tab stop with
// the arrow keys inside, Enter moves the focus to the samples, the tooltip stays on screen; no page
// scrolls sideways at 390 px; an exported chart carries its title and legend.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { keyToMark } from './chartKeys';
import { syntheticBundle } from '../../src/lib/core/synthetic';

const LABELS = ['M1', 'M2', 'M3', 'M4', 'M5', 'D2', 'D3', 'D4', 'D5', 'A3', 'A4', 'A5'];
const bundle = syntheticBundle({ models: 12, problems: 24, n: 4, seed: 16 });
bundle.models.forEach((m, i) => (m.label = LABELS[i]!));
bundle.study.name = 'Twelve models';
const file = { name: 'twelve.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) };

async function open(page: Page) {
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(file);
	await expect(page.getByTestId('study-name')).toHaveText('Twelve models');
	await expect(page.locator('[data-chart="pass-at-k"] .series')).toHaveCount(12);
}

/** WCAG contrast of two CSS colours as the browser resolves them (rgb(...)). */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
			const x = Number(v) / 255;
			return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
	test(`12 models (${scheme}): no two series share colour and shape, each >= 3:1 against the background`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await open(page);
		const series = await page.locator('[data-chart="pass-at-k"] .series').evaluateAll((gs) =>
			gs.map((g) => ({ shape: g.getAttribute('data-shape'), fill: getComputedStyle(g.querySelector('.point')!).fill }))
		);
		const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(new Set(series.map((s) => s.fill)).size).toBe(12);
		expect(new Set(series.map((s) => `${s.fill}|${s.shape}`)).size).toBe(12);
		// The chains read as groups: one shape per chain.
		expect(series.map((s) => s.shape)).toEqual([...Array(5).fill('circle'), ...Array(4).fill('square'), ...Array(3).fill('triangle')]);
		for (const s of series) expect(contrast(s.fill, bg), s.fill).toBeGreaterThanOrEqual(3);
		const legend = await page.locator('[data-chart="pass-at-k"] .legend li').allInnerTexts();
		expect(legend.slice(0, 12)).toEqual(LABELS);
	});
}

test('a chart is one tab stop; arrows move between its points; Enter moves the focus to the samples', async ({ page }) => {
	await open(page);
	const chart = page.locator('[data-chart="pass-at-k"]');
	expect(await chart.locator('svg [tabindex="0"]').count()).toBe(1);
	// Tab from the chart's last export button lands on the chart, the next Tab leaves it.
	await chart.getByRole('button', { name: /as PNG/ }).focus();
	await page.keyboard.press('Tab');
	await expect(chart.locator('.marks')).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await chart.evaluate((el) => el.contains(document.activeElement))).toBe(false);

	const marks = await keyToMark(page, 'pass-at-k', 11, 2);
	await expect(marks).toHaveAttribute('data-active', `${bundle.models[11]!.id}|4`);
	await expect(chart.locator('.tip')).toContainText('A5, k = 4');
	await expect(chart.locator('.point.active')).toHaveCount(1);
	await page.keyboard.press('ArrowUp');
	await expect(marks).toHaveAttribute('data-active', `${bundle.models[10]!.id}|4`);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('samples-status')).toBeFocused();
	await expect(page.getByTestId('samples-status')).toContainText('Samples behind pass@4 of A4');
	// Every chart on the dashboard is a single tab stop.
	const stops = await page.locator('[data-chart] .plot > svg').evaluateAll((svgs) => svgs.map((s) => s.querySelectorAll('[tabindex="0"]').length));
	expect(stops.length).toBeGreaterThan(10);
	expect(new Set(stops)).toEqual(new Set([1]));
});

test('overlapping markers: the pointer takes the mark whose centre is nearest, so a covered point opens its own samples', async ({ page }) => {
	// M2 answers exactly as M1 but for one sample it gets wrong: their pass@1 markers overlap, M2's
	// (drawn later, on top) a little lower, covering M1's centre.
	const near = syntheticBundle({ models: 2, problems: 24, n: 4, seed: 16 });
	near.study.name = 'Two close models';
	near.models.forEach((m, i) => (m.label = `M${i + 1}`));
	const [m1, m2] = [near.models[0]!.id, near.models[1]!.id];
	const key = (s: { problem: string; index: number }) => `${s.problem}|${s.index}`;
	const ofM1 = new Map(near.samples.filter((s) => s.model === m1).map((s) => [key(s), s]));
	const wrong = near.samples.find((s) => s.model === m1 && !s.correct)!;
	const flipped = near.samples.find((s) => s.model === m1 && s.correct && s.index >= 0 && s.problem !== wrong.problem)!;
	near.samples = near.samples.map((s) => {
		if (s.model !== m2) return s;
		const twin = key(s) === key(flipped) ? wrong : (ofM1.get(key(s)) ?? s);
		return { ...s, text: twin.text, answer: twin.answer, correct: twin.correct };
	});
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify(near)) });
	await expect(page.locator('[data-chart="pass-at-k"] .series')).toHaveCount(2);
	await page.locator('[data-chart="pass-at-k"] svg').first().scrollIntoViewIfNeeded();
	const centre = async (series: string) => {
		const box = (await page.locator(`[data-chart="pass-at-k"] .point[data-series="${series}"][data-k="1"]`).boundingBox())!;
		return { x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2 };
	};
	const [a, b] = [await centre(m1), await centre(m2)];
	const apart = Math.hypot(a.x - b.x, a.y - b.y);
	expect(apart).toBeGreaterThan(1);
	expect(apart).toBeLessThan(a.r + b.r);
	// M2's marker is what lies under M1's centre ...
	expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-series'), a)).toBe(m2);
	// ... yet the pointer there is on M1, and a click opens M1's samples; on M2's centre, M2's.
	await page.mouse.move(a.x, a.y);
	await expect(page.locator('[data-chart="pass-at-k"] .tip')).toContainText('M1, k = 1');
	await page.mouse.click(a.x, a.y);
	await expect(page.getByTestId('samples-status')).toContainText('pass@1 of M1.');
	await page.locator('[data-chart="pass-at-k"] svg').first().scrollIntoViewIfNeeded();
	const b2 = await centre(m2);
	await page.mouse.click(b2.x, b2.y);
	await expect(page.getByTestId('samples-status')).toContainText('pass@1 of M2.');
	// Between the markers (a few pixels off any of them) the nearest one answers too.
	await page.locator('[data-chart="pass-at-k"] svg').first().scrollIntoViewIfNeeded();
	const a2 = await centre(m1);
	await page.mouse.move(a2.x + 10, a2.y);
	await expect(page.locator('[data-chart="pass-at-k"] .tip')).toContainText('k = 1');
});

test('at 390 px no page scrolls sideways, and a tooltip at the left edge stays on screen', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	for (const path of ['/', '/study', '/problems', '/device', '/demo', '/report']) {
		await page.goto(path);
		await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
		await page.getByRole('heading', { level: 1 }).waitFor();
		// The WebLLM model table is the widest thing on /device: wait for it (or its error).
		if (path === '/device') await page.getByRole('region', { name: 'WebLLM models for this device' }).or(page.getByRole('alert')).first().waitFor();
		expect(await overflow(), path).toBeLessThanOrEqual(0);
	}
	await open(page);
	await expect(page.locator('[data-testid="dashboard"][data-intervals="true"]')).toBeVisible({ timeout: 60_000 });
	expect(await overflow(), '/report').toBeLessThanOrEqual(0);
	// No y axis title on screen is taller than its chart: a long one moves above the plot instead.
	const tall = await page.evaluate(() =>
		[...document.querySelectorAll('text.y-title:not(.cramped)')]
			.filter((t) => t.getBoundingClientRect().height > (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect().height)
			.map((t) => t.textContent)
	);
	expect(tall).toEqual([]);
	// No two x tick labels of a chart overlap: crowded ones drop every other label a line.
	const overlapping = await page.evaluate(() =>
		[...document.querySelectorAll('figure[data-chart]')].flatMap((f) => {
			const boxes = [...f.querySelectorAll('g.grid text[dy="0.7em"]')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
			return boxes.some((a, i) => boxes.some((b, j) => j > i && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)) ? [f.getAttribute('data-chart')] : [];
		})
	);
	expect(overlapping).toEqual([]);
	await expect(page.getByTestId('y-caption').first()).toBeVisible();
	// pass@k's crossover notes move under the plot, where they do not lie over the lines.
	await expect(page.locator('[data-chart="pass-at-k"]').getByTestId('chart-notes')).toContainText('catches');
	await expect(page.locator('[data-chart="pass-at-k"] text.marker-note.moved').first()).toBeHidden();
	await keyToMark(page, 'pass-at-k', 0, 0);
	const tip = page.locator('[data-chart="pass-at-k"] .tip');
	await expect(tip).toBeVisible();
	await expect
		.poll(async () => {
			const box = (await tip.boundingBox())!;
			return box.x >= 0 && box.x + box.width <= 390 && box.y >= 0;
		})
		.toBe(true);
});

test('an exported chart (SVG, PNG) carries its title, legend and the study name, in a file named after the study', async ({ page }) => {
	await open(page);
	const chart = page.locator('[data-chart="pass-at-k"]');
	const [svgDl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG/ }).click()]);
	const svg = readFileSync(await svgDl.path(), 'utf8');
	expect(svgDl.suggestedFilename()).toBe('twelve-models-pass-at-k.svg');
	for (const text of ['pass@k', 'Study: Twelve models', ...LABELS]) expect(svg).toContain(`>${text}<`);
	const [pngDl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as PNG/ }).click()]);
	expect(readFileSync(await pngDl.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('presentation mode: large type, the headline sections only, y axes zoomed to the data; a glossary line under each heading', async ({ page }) => {
	await open(page);
	await expect(page.locator('[data-section]')).toHaveCount(6);
	await expect(page.getByTestId('gloss')).toHaveCount(6);
	await expect(page.locator('[data-section="sets"] [data-testid="gloss"]')).toContainText('IS(t), the improvement set');
	const ticks = () => page.locator('[data-chart="pass-at-k"] .grid text').allTextContents();
	expect(await ticks()).toEqual(expect.arrayContaining(['0%', '100%']));
	const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	const before = await size();
	await page.getByTestId('presentation').click();
	await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
	expect(await size()).toBeGreaterThan(before);
	await expect(page.locator('[data-section]')).toHaveCount(3);
	expect(await ticks()).not.toEqual(expect.arrayContaining(['0%', '100%']));
	await page.getByTestId('presentation').click();
	await expect(page.locator('[data-section]')).toHaveCount(6);
	expect(await size()).toBe(before);
	await page.getByTestId('zoom-y').check();
	expect(await ticks()).not.toEqual(expect.arrayContaining(['0%', '100%']));
});

test('the samples browser at 12 models: every output keeps a readable width and its model label, the rows scroll sideways inside the browser', async ({ page }) => {
	await open(page);
	await page.locator('.browser .cell pre').first().waitFor();
	await expect(page.getByTestId('samples-wide')).toContainText('12 models side by side');
	const cells = await page.locator('.browser .row.samples').first().locator('.cell').evaluateAll((els) =>
		els.map((e) => ({ width: e.getBoundingClientRect().width, clipped: e.querySelector('.who')!.scrollWidth > e.querySelector('.who')!.clientWidth }))
	);
	expect(cells).toHaveLength(12);
	for (const c of cells) expect(c).toEqual({ width: expect.any(Number), clipped: false });
	expect(Math.min(...cells.map((c) => c.width))).toBeGreaterThanOrEqual(200);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	// The question stays in view when the rows scroll sideways.
	await page.locator('.browser .scroller').evaluate((s) => (s.scrollLeft = 2000));
	const question = await page.locator('.browser .row.problem .question').first().boundingBox();
	const scroller = await page.locator('.browser .scroller').boundingBox();
	expect(question!.x).toBeGreaterThanOrEqual(scroller!.x);
	expect(question!.x + question!.width).toBeLessThanOrEqual(scroller!.x + scroller!.width + 1);
});

test('the samples browser groups a model\'s identical outputs with their count, and a problem expands to each sample', async ({ page }) => {
	// On the first problem every model writes one text for all five samples but #3.
	const repeated = structuredClone(bundle);
	const first = repeated.problems[0]!.id;
	for (const s of repeated.samples.filter((x) => x.problem === first)) s.text = s.index === 3 ? `${s.model}: a different try` : `${s.model}: the same answer, 42`;
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify(repeated)) });
	await expect(page.getByTestId('study-name')).toHaveText('Twelve models');
	const rows = page.locator(`.browser .row.samples[data-problem="${first}"]`);
	await expect(rows).toHaveCount(2);
	const cell = rows.first().locator(`.cell[data-model="${repeated.models[1]!.id}"]`);
	await expect(cell).toHaveAttribute('data-count', '4');
	await expect(cell.locator('.who')).toContainText('M2 · ×4');
	await expect(cell.locator('.who')).toContainText('identical samples: greedy, #0, #1, #2');
	await expect(cell.locator('pre.text')).toHaveText(`${repeated.models[1]!.id}: the same answer, 42`);
	await expect(rows.nth(1).locator(`.cell[data-model="${repeated.models[1]!.id}"] pre.text`)).toHaveText(`${repeated.models[1]!.id}: a different try`);
	await expect(page.getByTestId('samples-status')).toContainText(/sample rows \(\d+ repeated outputs grouped\)\./);
	// The problem's header expands it to one row per sample, and groups it again.
	const expand = page.locator(`.browser .row.problem[data-problem="${first}"]`).getByTestId('expand-problem');
	await expect(expand).toHaveText('Show each sample (36 repeats grouped)');
	await expand.click();
	await expect(rows).toHaveCount(5);
	await expect(expand).toHaveAttribute('aria-expanded', 'true');
	await expand.click();
	await expect(rows).toHaveCount(2);
	// Grouping off: every problem sample by sample.
	await page.getByTestId('group-outputs').uncheck();
	await expect(rows).toHaveCount(5);
});

test('a share-results link reopens the same report; a study over the limit is told the way round', async ({ page, context }) => {
	const small = syntheticBundle({ models: 3, problems: 10, n: 2, words: 12, seed: 5 });
	small.study.name = 'Small enough to share';
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(small)) });
	await expect(page.getByTestId('study-name')).toHaveText('Small enough to share');
	const cells = () => page.getByTestId('headline-table').locator('td[data-value]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
	await expect(page.locator('[data-testid="dashboard"][data-intervals="true"]')).toBeVisible();
	const before = await cells();
	await page.getByTestId('copy-results-link').click();
	const link = await page.getByTestId('share-link').inputValue();
	expect(link).toMatch(/\/report#r1\.[\w-]+$/);

	const other = await context.newPage();
	await other.goto(link);
	await expect(other.getByTestId('study-name')).toHaveText('Small enough to share');
	await expect(other.locator('[data-testid="dashboard"][data-intervals="true"]')).toBeVisible();
	expect(await other.getByTestId('headline-table').locator('td[data-value]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).toEqual(before);

	// Twelve models with longer texts are over the limit: the page says how large and what to do instead.
	await page.getByTestId('file-input').setInputFiles(file);
	await expect(page.getByTestId('study-name')).toHaveText('Twelve models');
	await page.getByTestId('copy-results-link').click();
	await expect(page.locator('.share [role="status"]')).toContainText(/over the 48 KB a link can carry: export the bundle.*\?bundle=/);
});
