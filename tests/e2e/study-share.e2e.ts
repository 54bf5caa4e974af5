// Opening a share link on the study page restores the configuration it carries.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Bundle } from '../../src/lib/core/types';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundles', 'small.json');
const bundle = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Bundle;

async function shareLinkOfFixture(page: import('@playwright/test').Page): Promise<URL> {
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await page.getByTestId('copy-link').click();
	return new URL(await page.getByTestId('share-link').inputValue());
}

test('a share link opened on the study page fills in its name, seed, sampling and template', async ({ page }) => {
	const url = await shareLinkOfFixture(page);
	await page.goto(`/study${url.hash}`);
	const { study } = bundle;
	await expect(page.getByTestId('shared-restored')).toContainText(`Restored the shared study "${study.name}"`);
	// The fixture's synthetic problem set cannot be regenerated, and the page says so.
	await expect(page.getByTestId('shared-restored')).toContainText('is not one this app can regenerate');
	await expect(page.getByLabel('Study name')).toHaveValue(study.name);
	await expect(page.getByRole('group', { name: 'Sampling' }).getByLabel('Seed')).toHaveValue(String(study.seed));
	await expect(page.getByLabel('Samples per problem (n)')).toHaveValue(String(study.sampling.n));
	await expect(page.getByLabel('Max tokens')).toHaveValue(String(study.sampling.maxTokens));
	await expect(page.getByLabel(/Template text/)).toHaveValue(study.prompt.text);
});

test('a damaged share link on the study page changes nothing and says why', async ({ page }) => {
	const url = await shareLinkOfFixture(page);
	await page.goto(`/study${url.hash.slice(0, 40)}`);
	await expect(page.getByTestId('shared-error')).toContainText('The shared link could not be read, so nothing was changed');
	await expect(page.getByLabel('Study name')).toHaveValue('My study');
});

test('a share link of the demo study brings its five built-in models back in order', async ({ page }) => {
	await page.goto('/report?demo');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('copy-link').click();
	const url = new URL(await page.getByTestId('share-link').inputValue());
	await page.goto(`/study${url.hash}`);
	await expect(page.getByTestId('shared-restored')).toContainText('Its 5 models are chosen (M1, M2, M3, M4, M5).');
	const builtins = page.getByRole('group', { name: /Built-in tiny models/ });
	for (const label of ['M1', 'M2', 'M3', 'M4', 'M5']) await expect(builtins.getByRole('checkbox', { name: new RegExp(`^${label} `) })).toBeChecked();
});
