// The demo tells the story: the shipped full-size bundle opened on /demo shows the headline
// measures by iteration (one keyboard stop, arrows inside, a tooltip, an export with title and
// legend) and a summary written from the report, whose verdict is the last model's card's and whose
// link opens the samples that show it. Nothing here depends on the shipped figures. data-complete
// waits for the complete report (intervals and verdicts), so the cards read below are final.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const SHIPPED = 'demo/demo-full-bundle.json';

test('the shipped study on /demo: chart by iteration, keyboard and tooltip, chain picker, summary and its samples link', async ({ page }) => {
	await page.goto(`/demo?bundle=${SHIPPED}`);
	const story = page.getByTestId('demo-story');
	await expect(story).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });

	// The summary: written from the report, its verdict that of the last model's card.
	const summary = page.getByTestId('demo-summary');
	await expect(summary).toContainText(/From M1 to M5|No change: from M1 to M5/);
	await expect(story).toHaveAttribute('data-state', /^(changed|no-change)$/);
	const lastCard = page.locator('article.verdict[data-model="tiny-m5"]');
	await expect(story).toHaveAttribute('data-verdict', (await lastCard.getAttribute('data-kind'))!);
	await expect(summary.locator('li[data-measure]')).toHaveCount(5);

	// The chart: five panels, the main chain on the x axis, one tab stop.
	const chart = page.locator('[data-chart="by-iteration"]');
	await expect(chart.locator('g.panel')).toHaveCount(5);
	await expect(chart.locator('g.panel').first().locator('circle.point')).toHaveCount(5);
	expect(await chart.locator('svg [tabindex]').evaluateAll((els) => els.filter((e) => e.getAttribute('tabindex') !== '-1').length)).toBe(1);
	// From the chart's last export button, Tab lands on the chart itself.
	await chart.getByRole('button', { name: /as PNG/ }).focus();
	await page.keyboard.press('Tab');
	await expect(chart.locator('.marks')).toBeFocused();
	const tip = chart.locator('.tip');
	await page.keyboard.press('ArrowRight');
	await expect(tip).toContainText('M1 (iteration 1)');
	await page.keyboard.press('ArrowRight');
	await expect(tip).toContainText('M2 (iteration 2)');
	await expect(chart.locator('.marks')).toHaveAttribute('data-active', 'pass1|tiny-m2');
	await page.keyboard.press('ArrowDown');
	await expect(chart.locator('.marks')).toHaveAttribute('data-active', 'passN|tiny-m2');
	await expect(tip).toContainText('pass@8');
	await page.keyboard.press('End');
	await expect(tip).toContainText('M5 (iteration 5)');
	// The next Tab leaves the chart: no stop on each point.
	await page.keyboard.press('Tab');
	await expect(chart.locator('.marks')).not.toBeFocused();
	await expect(tip).toHaveCount(0);
	// The pointer shows the same tooltip.
	await chart.locator('circle.point[data-measure="pass1"][data-model="tiny-m3"]').hover();
	await expect(tip).toContainText('M3 (iteration 3)');

	// The export carries the title and the legend.
	const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG/ }).click()]);
	const svg = readFileSync(await download.path(), 'utf8');
	expect(svg).toContain('Headline measures by iteration: M1, M2, M3, M4, M5');
	expect(svg).toContain('95% bootstrap interval');
	expect(svg).not.toContain('var(--');

	// A variant chain: M1, then D2..D5.
	await page.getByTestId('demo-chain').selectOption('iterative-dpo');
	await expect(chart).toContainText('Headline measures by iteration: M1, D2, D3, D4, D5');
	await expect(summary).toContainText(/M1 to D5/);
	await expect(story).toHaveAttribute('data-verdict', (await page.locator('article.verdict[data-model="tiny-dpo-m5"]').getAttribute('data-kind'))!);
	await page.getByTestId('demo-chain').selectOption('main');

	// One click to the samples that show it: the report page, its samples browser filtered.
	const link = page.getByTestId('demo-story-samples');
	const text = (await link.textContent())!.replace(/^See /, '').replace(/ →$/, '');
	await link.click();
	await expect(page).toHaveURL(/\/report\?/);
	await expect(page.getByTestId('study-name')).toContainText('Built-in demo, full size');
	await expect(page.locator('.browser')).toContainText(text, { timeout: 30_000 });
	await expect(page.locator('.browser .cell').first()).toBeVisible();
});

test('during a run, models without samples have "waiting" cards and everything compares the same problems', async ({ page }) => {
	test.setTimeout(180_000);
	// One lane: the models run one after another, so for most of the run one model is done, the next
	// part way and the rest waiting. (Two lanes run M1 and M2 in step, often on the same problems,
	// which left this state to a moment the report could miss.)
	await page.goto('/demo?problems=12&n=4&lanes=1&autostart');
	const common = page.getByTestId('demo-common');
	await expect(common).toBeVisible({ timeout: 120_000 });
	await expect(page.locator('article.verdict[data-kind="waiting"]').first()).toContainText('Waiting');
	// Every model with samples is counted on the same problems in the headline table (read at one instant).
	const { shared, counts } = await page.evaluate(() => ({
		shared: Number(document.querySelector('[data-testid="demo-common"] strong')?.textContent),
		counts: [...document.querySelectorAll('[data-testid="headline-table"] tbody tr td:last-child')].map((td) => Number(td.textContent))
	}));
	expect(shared).toBeGreaterThan(0);
	expect(counts.filter((c) => c > 0).length).toBeGreaterThan(0);
	expect(counts.filter((c) => c > 0).every((c) => c === shared)).toBe(true);
	await page.getByRole('button', { name: 'Cancel' }).click();
});
