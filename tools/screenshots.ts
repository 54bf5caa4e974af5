// Screenshots of the home page and the dashboard (demo study) in light and dark, for the README.
// Builds nothing: serves the existing build/ (run `npm run build` first).
// Usage: npm run screenshots   (writes docs/screenshots/*.png; SKIP_DEMO=1 leaves out the demo page's)
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from './serve.js';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const PORT = Number(process.env.PORT ?? 4393);
const OUT = 'docs/screenshots';
const BASE = `http://localhost:${PORT}`;

mkdirSync(OUT, { recursive: true });
const server = (await startServer(process.env.BUILD_DIR ?? 'build', PORT)) as Server;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	for (const scheme of ['light', 'dark'] as const) {
		const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		page.on('pageerror', (e) => console.error(`page error (${scheme}):`, e.message));

		await page.goto(`${BASE}/`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await page.screenshot({ path: `${OUT}/home-${scheme}.png` });

		await page.goto(`${BASE}/report?demo`);
		await page.locator('[data-testid="dashboard"][data-intervals="true"] article.verdict').first().waitFor({ timeout: 120_000 });
		await page.locator('#h-verdicts').scrollIntoViewIfNeeded();
		await page.evaluate(() => document.querySelector('[data-testid="study-header"]')?.scrollIntoView());
		await page.setViewportSize({ width: 1280, height: 2000 });
		await page.screenshot({ path: `${OUT}/dashboard-${scheme}.png` });

		await page.evaluate(() => document.querySelector('#h-beyond')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/dashboard-beyond-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 1100 } });

		await page.evaluate(() => document.querySelector('#h-div')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/dashboard-diversity-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 1100 } });

		// The last model's point at the largest k, by keyboard: whatever the demo's models and n are.
		await page.locator('[data-chart="pass-at-k"] .marks').focus();
		await page.keyboard.press('Home');
		for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await page.locator('.browser .cell pre').first().waitFor();
		await page.evaluate(() => document.querySelector('#h-samples')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/samples-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 900 } });

		// A dozen models (the full demo study): pass@k zoomed to the data, presentation mode, a phone.
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${BASE}/report?bundle=demo/demo-full-bundle.json`);
		await page.locator('[data-testid="dashboard"][data-intervals="true"] article.verdict').first().waitFor({ timeout: 180_000 });
		await page.getByTestId('zoom-y').check();
		await page.locator('[data-chart="pass-at-k"] .marks').focus();
		for (const key of ['Home', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
		await page.evaluate(() => document.querySelector('#h-acc')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/dashboard-12-${scheme}.png` });
		await page.getByTestId('presentation').click();
		await page.evaluate(() => document.querySelector('#h-acc')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/presentation-${scheme}.png` });
		await page.getByTestId('presentation').click();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.evaluate(() => document.querySelector('#h-acc')?.scrollIntoView());
		await page.screenshot({ path: `${OUT}/report-390-${scheme}.png` });
		if (process.env.SKIP_DEMO) {
			await context.close();
			console.log(`${scheme}: home, dashboard, beyond pass@k, diversity, samples, 12 models, presentation, 390 px`);
			continue;
		}

		// The demo page: the shipped full-size study's story by iteration, then one live round at toy size.
		await page.setViewportSize({ width: 1280, height: 1400 });
		await page.goto(`${BASE}/demo?bundle=demo/demo-full-bundle.json`);
		const story = page.locator('[data-testid="demo-story"]');
		await story.waitFor({ timeout: 120_000 });
		// The story first shows the quick report; the complete one (intervals, diversity) follows.
		await page.locator('[data-testid="demo-summary"]:not(:has-text("no interval"))').waitFor({ timeout: 120_000 });
		await story.screenshot({ path: `${OUT}/demo-story-${scheme}.png` });
		await page.goto(`${BASE}/demo?loop=toy&problems=3&n=1`);
		await page.getByTestId('loop-train').click();
		await page.locator('[data-testid="loop-phases"] [data-phase="evaluating"][data-active="true"]').waitFor({ timeout: 240_000 });
		await page.getByTestId('live-loop').screenshot({ path: `${OUT}/live-loop-${scheme}.png` });
		await page.getByTestId('loop-trained').waitFor({ timeout: 240_000 });
		await context.close();
		console.log(`${scheme}: home, dashboard, beyond pass@k, diversity, samples, demo story, live loop`);
	}
} finally {
	await browser.close();
	server.close();
}
console.log(`Screenshots written to ${OUT}/`);
