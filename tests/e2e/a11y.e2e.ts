// Automated accessibility check: axe-core (from npm) runs in the real Chromium on the main pages,
// in the light and the dark theme, and the test fails on any serious or critical violation. The
// report page is checked with a study loaded and the samples browser open, so its charts, tables
// and sample cells are checked too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not block
// (a <script> tag added to the page would be, rightly).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The serious and critical violations axe finds on the page as it is now, in words. */
async function violations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	const found = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations;
	});
	return found
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}

async function ready(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByRole('heading', { level: 1 }).first().waitFor();
}

for (const scheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation (${scheme} theme) on home, study, problems, device and demo`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		for (const path of ['/', '/study', '/problems', '/device', '/demo']) {
			await ready(page, path);
			if (path === '/problems') await page.getByTestId('rendered-prompt').waitFor();
			expect(await violations(page), `${path} (${scheme})`).toEqual([]);
		}
	});

	test(`axe finds no serious or critical violation (${scheme} theme) on the report with a study and its samples open`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await ready(page, '/report');
		await page.getByTestId('file-input').setInputFiles(FIXTURE);
		await expect(page.locator('[data-testid="dashboard"][data-intervals="true"]')).toBeVisible({ timeout: 60_000 });
		await page.locator('.browser .cell pre').first().waitFor();
		expect(await violations(page), `/report (${scheme})`).toEqual([]);
		// The same with a tooltip showing and the active mark ringed.
		await page.locator('[data-chart="pass-at-k"] .marks').focus();
		await page.keyboard.press('Home');
		await expect(page.locator('[data-chart="pass-at-k"] .tip')).toBeVisible();
		expect(await violations(page), `/report with a tooltip (${scheme})`).toEqual([]);
	});
}
