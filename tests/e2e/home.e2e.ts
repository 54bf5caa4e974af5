import { test, expect } from './fixtures';

test('the home page explains the idea and offers the demo, a new study and a results file', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Reversal Lab/);
	await expect(page.getByText(/self-improvement reversal/i).first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Open the demo study' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Run the demo' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Start a new study' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Open a results file…' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Reversal Lab', 'Home', 'Demo', 'Study', 'Problems', 'Report', 'Your device']);
});

test('the skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main#main')).toBeFocused();
});

test('the theme toggle is remembered and applied before the first paint', async ({ page }) => {
	await page.goto('/');
	const toggle = page.getByRole('button', { name: /Theme:/ });
	await expect(toggle).toHaveText('Theme: system');
	await toggle.click();
	await expect(toggle).toHaveText('Theme: light');
	await toggle.click();
	await expect(toggle).toHaveText('Theme: dark');
	expect(await page.evaluate(() => localStorage.getItem('rl-theme'))).toBe('dark');
	const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const dark = await bg();
	// Read the attribute from the raw HTML's first script run: it is set before any app code.
	await page.reload({ waitUntil: 'commit' });
	await page.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
	// The stylesheet may still be on its way at this instant; once it is in, the colour is the dark one.
	await page.waitForLoadState('load');
	expect(await bg()).toBe(dark);
	await page.getByRole('button', { name: /Theme:/ }).click();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	expect(await page.evaluate(() => localStorage.getItem('rl-theme'))).toBeNull();
});

test('the demo link opens the finished full-size study on the demo page, its story and report', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Open the demo study' }).click();
	await expect(page).toHaveURL(/\/demo\?bundle=demo\/demo-full-bundle\.json$/);
	await expect(page.getByTestId('demo-story')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });
	await expect(page.locator('[data-chart="pass-at-k"]')).toBeVisible();
});
