// The catalogue inside the study page: a cached WebLLM model is added to the study's model list.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const ID = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${ID}/resolve/main/`;

/** Puts the model's config and weights (not its compiled library) in WebLLM's caches, as a finished download would. */
async function cacheWeights(page: Page): Promise<void> {
	await page.evaluate(async (base) => {
		const put = async (scope: string, url: string, body: string) =>
			(await caches.open(scope)).put(url, new Response(body, { headers: { 'content-length': String(body.length) } }));
		await put('webllm/config', `${base}mlc-chat-config.json`, '{}');
		await put('webllm/model', `${base}tensor-cache.json`, JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin' }] }));
		await put('webllm/model', `${base}params_shard_0.bin`, 'x'.repeat(100));
	}, BASE);
}

test('choosing a cached WebLLM model on the study page adds it to the study, without a download', async ({ page, guard }) => {
	await page.goto('/study');
	await cacheWeights(page);
	await page.reload();
	await page.locator('summary', { hasText: 'WebLLM models (WebGPU)' }).click();
	const row = page.locator(`tr[data-model="${ID}"]`);
	await expect(row.getByTestId('cache-state')).toContainText('cached');
	await row.getByRole('button', { name: new RegExp(`^Use ${ID}`) }).click();
	const chosen = page.getByTestId('chosen-models');
	await expect(chosen).toContainText('Qwen2.5-0.5B-Instruct (q4f32_1, WebLLM)');
	await expect(chosen).toContainText(`webllm, chat · id ${ID}`);
	expect(guard.offsite).toEqual([]);
});

test('running a study on a WebLLM model with downloads blocked stops with the offline error, not a hang', async ({ page, guard }) => {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('problems');
	// Weights "cached", but the compiled model library is not: loading must fetch it.
	await cacheWeights(page);
	await page.reload();
	await page.locator('summary', { hasText: 'WebLLM models (WebGPU)' }).click();
	await page.locator(`tr[data-model="${ID}"]`).getByRole('button', { name: new RegExp(`^Use ${ID}`) }).click();
	await expect(page.getByTestId('chosen-models')).toContainText(ID);
	await page.getByLabel('Max tokens').fill('8');
	await page.getByRole('button', { name: 'Run the study' }).click();
	const error = page.getByTestId('run-error');
	await expect(error).toBeVisible({ timeout: 60_000 });
	await expect(error).toHaveAttribute('data-code', 'offline');
	await expect(error).toContainText(`Could not reach huggingface.co and raw.githubusercontent.com to download ${ID}`);
	guard.offsite.length = 0; // the blocked model-library request was the point
});
