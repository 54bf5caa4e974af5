// Choosing few-shot on the study page must run with exemplars: the study form has one owner, so the
// style the page shows is the style the exemplar picker reads.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { randomLlamaModel } from '../../src/lib/gguf';
import type { StoredStudy } from '../../src/lib/runner/types';

// A long context: three worked exemplars make a prompt of about 1,500 characters.
const MODEL = Buffer.from(randomLlamaModel({ seed: 1, scale: 2, config: { ctx: 4096 } }));

/** Every study the runner stored in this browser's IndexedDB. */
async function storedStudies(page: Page): Promise<StoredStudy[]> {
	return page.evaluate(
		() =>
			new Promise<StoredStudy[]>((resolve, reject) => {
				const open = indexedDB.open('reversal-lab-runs');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('studies').objectStore('studies').getAll();
					all.onsuccess = () => resolve(all.result as StoredStudy[]);
					all.onerror = () => reject(all.error);
				};
			})
	);
}

test('few-shot chosen on the study page runs with its exemplars', async ({ page }) => {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await expect(page.getByRole('group', { name: /Built-in tiny models/ }).or(page.getByTestId('no-builtins'))).toBeVisible();
	const standard = page.getByLabel('A standard template');
	if (await standard.count()) await standard.check();
	await page.getByLabel('Style').selectOption('few-shot-cot');
	await page.getByLabel('Local file').check();
	await page.getByTestId('gguf-file').setInputFiles({ name: 'a.gguf', mimeType: 'application/octet-stream', buffer: MODEL });
	await page.getByRole('button', { name: 'Add model' }).click();
	await page.getByLabel('Samples per problem (n)').fill('0');
	await page.getByLabel('Max tokens').fill('1');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
	const [stored] = await storedStudies(page);
	expect(stored?.study.prompt.style).toBe('few-shot-cot');
	expect(stored?.study.prompt.shots).toBe(3);
	expect(stored?.exemplars).toHaveLength(3);
});
