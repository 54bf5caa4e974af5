// A model trained in this browser (the demo page's live loop) on the study page: chosen from its own
// group, run like a built-in model, its samples in the report, and a reload-resume from the study's
// own copy of its file. Nothing is trained here: the shipped M2's bytes are kept in IndexedDB under
// a plausible training record, as the live loop would keep a model it trained.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Bundle, ModelRef } from '../../src/lib/core/types';
import { trainingRecord } from '../fixtures/trainingRecord';

const GGUF = readFileSync('static/models/tiny-m2.gguf');
const SHA = createHash('sha256').update(GGUF).digest('hex');
const M1_SHA = createHash('sha256').update(readFileSync('static/models/tiny-m1.gguf')).digest('hex');
const REF: ModelRef = {
	id: 'live-m2',
	label: 'M2 live',
	engine: 'wllama',
	source: 'file:live-m2.gguf',
	order: 5,
	training: trainingRecord(SHA, { id: 'tiny-m1', label: 'M1', sha256: M1_SHA })
};

/** Keeps (or, with no ref, deletes) the trained model in the page's database, as the live loop does. */
async function keepTrained(page: Page, keep: boolean): Promise<void> {
	await page.evaluate(
		async ({ ref, base64, keep }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('reversal-lab-runs');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const tx = db.transaction('trained', 'readwrite');
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			if (keep) tx.objectStore('trained').put({ ref, gguf: new Blob([bytes]), createdAt: new Date().toISOString() });
			else tx.objectStore('trained').delete(ref.id);
			await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
			db.close();
		},
		{ ref: REF, base64: GGUF.toString('base64'), keep }
	);
}

/** Opens the study page with the trained model kept, and chooses it alone. */
async function chooseTrained(page: Page): Promise<void> {
	await page.goto('/study');
	// The group shows once the page has read the database (which creates it).
	await expect(page.getByTestId('trained-models')).toContainText('None yet');
	await keepTrained(page, true);
	await page.reload();
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	const group = page.getByRole('group', { name: /Trained in this browser/ });
	await expect(group).toContainText(`M2 live (SFT from M1 · sha256 ${SHA.slice(0, 12)} · 0.5 MB)`);
	await group.getByRole('checkbox', { name: /^M2 live/ }).check();
	await expect(page.getByTestId('chosen-models')).toContainText(`M2 live wllama, trained: SFT from M1, sha256 ${SHA.slice(0, 12)} · id live-m2`);
	await page.getByLabel('Samples per problem (n)').fill('1');
	await page.getByLabel('Max tokens').fill('160');
}

async function downloadBundle(page: Page): Promise<Bundle> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
	return JSON.parse(await readFile(await download.path(), 'utf8')) as Bundle;
}

test('a model trained in this browser is chosen from its own group, runs, and its samples reach the report', async ({ page }) => {
	await chooseTrained(page);
	await expect(page.getByTestId('cost')).toContainText('40 samples');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
	const bundle = await downloadBundle(page);
	// The bundle records how the model was made, in full.
	expect(bundle.models).toEqual([{ ...REF, order: 0 }]);
	expect(bundle.samples).toHaveLength(40);
	expect(bundle.samples.every((s) => s.model === 'live-m2' && s.tokens > 0)).toBe(true);
	// The shipped M2's own bytes ran: it answers some of its own kind of problems.
	expect(bundle.samples.some((s) => s.correct)).toBe(true);
	await expect(page.locator('table').getByRole('row', { name: /M2 live/ })).toBeVisible();
	await page.getByRole('link', { name: 'Open the full report' }).click();
	const cells = page.locator('.browser .cell[data-model="live-m2"]');
	await expect(cells.first()).toBeVisible();
	await expect(cells.first().locator('pre.text')).not.toBeEmpty();

	// Its share link names the model without carrying it: here it is found again by sha256 ...
	await page.getByTestId('copy-link').click();
	const link = new URL(await page.getByTestId('share-link').inputValue());
	await page.goto(`/study${link.hash}`);
	await expect(page.getByTestId('shared-restored')).toContainText('Its model is chosen (M2 live). M2 live was trained in this browser and is taken from there.');
	await expect(page.getByRole('group', { name: /Trained in this browser/ }).getByRole('checkbox', { name: /^M2 live/ })).toBeChecked();
	// ... and where it is not kept, the page says to train or choose it again (not to choose a local file).
	await keepTrained(page, false);
	await page.reload();
	const restored = page.getByTestId('shared-restored');
	await expect(restored).toContainText('M2 live (SFT from M1, sha256');
	await expect(restored).toContainText('Train it again on the demo page ("Train the next iteration") and choose it under "Trained in this browser"');
	await expect(restored).not.toContainText('local files');
	await expect(page.getByTestId('trained-missing')).toBeVisible();
});

test('a trained model deleted before the run is named in words; a started study resumes after a reload from its own copy', async ({ page }) => {
	await chooseTrained(page);
	await page.getByLabel('Samples per problem (n)').fill('4');
	// Deleted on the demo page meanwhile: the run refuses, in words, and the list marks it.
	await keepTrained(page, false);
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('settings-errors')).toContainText(`M2 live (SFT from M1, sha256 ${SHA.slice(0, 12)}) is not among the models trained in this browser`);
	await expect(page.getByTestId('trained-missing')).toBeVisible();
	await expect(page.getByTestId('run-status')).toHaveCount(0);

	// Kept again (trained again gives the same bytes): the run starts; pause it, reload, and forget the model.
	await keepTrained(page, true);
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect.poll(async () => Number(await page.getByTestId('overall-done').innerText()), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
	await page.reload();
	await keepTrained(page, false);
	const saved = page.getByTestId('saved-studies').locator('li').filter({ hasText: 'My study' });
	await expect(saved).toContainText('/ 100 samples');
	await saved.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
	const bundle = await downloadBundle(page);
	expect(bundle.samples).toHaveLength(100);
	expect(bundle.models[0]?.training).toEqual(REF.training);
});
