import { test, expect } from './fixtures';

test('the home page renders its title', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Reversal Lab/);
});
