// Cache listing and clean-up against the real Cache API and WebLLM's own cache functions. A
// download interrupted half-way is simulated by storing what WebLLM would have stored by then.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const ID = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${ID}/resolve/main/`;

async function seed(page: Page, shards: number[], withList = true) {
	await page.evaluate(
		async ({ base, shards, withList }) => {
			// ASCII bodies: their length in characters is their length in bytes.
			const put = async (scope: string, url: string, body: string) => {
				const cache = await caches.open(scope);
				await cache.put(url, new Response(body, { headers: { 'content-length': String(body.length) } }));
			};
			await put('webllm/config', `${base}mlc-chat-config.json`, '{}');
			if (withList) {
				const records = [0, 1].map((i) => ({ dataPath: `params_shard_${i}.bin`, format: 'raw-shard', nbytes: 1000, records: [] }));
				await put('webllm/model', `${base}tensor-cache.json`, JSON.stringify({ metadata: {}, records }));
			}
			for (const i of shards) await put('webllm/model', `${base}params_shard_${i}.bin`, 'x'.repeat(1000));
		},
		{ base: BASE, shards, withList }
	);
}

async function countEntries(page: Page): Promise<number> {
	return page.evaluate(async (base) => {
		let n = 0;
		for (const scope of ['webllm/model', 'webllm/config', 'webllm/wasm']) {
			const cache = await caches.open(scope);
			n += (await cache.keys()).filter((r) => r.url.startsWith(base)).length;
		}
		return n;
	}, BASE);
}

test('an interrupted download shows as partial; Resume fails offline without losing it; Delete removes every file', async ({ page, guard }) => {
	await page.goto('/device');
	await seed(page, [0]);
	await page.reload();
	const row = page.locator(`tr[data-model="${ID}"]`);
	await expect(row.getByTestId('cache-state')).toHaveText('partial download (1.2 kB)');
	await row.getByRole('button', { name: new RegExp(`Resume download ${ID}`) }).click();
	await expect(page.getByTestId('webllm-error')).toHaveAttribute('data-code', 'offline', { timeout: 30_000 });
	// What had arrived is kept for the next try.
	await expect(row.getByTestId('cache-state')).toHaveText('partial download (1.2 kB)');
	expect(await countEntries(page)).toBe(3);
	await row.getByRole('button', { name: new RegExp(`Delete ${ID}`) }).click();
	await expect(row.getByTestId('cache-state')).toHaveText('not downloaded');
	expect(await countEntries(page)).toBe(0);
	guard.offsite.length = 0; // the Resume attempt's blocked requests were expected
});

test('a complete download is listed as cached with its size, and deletes cleanly', async ({ page }) => {
	await page.goto('/device');
	await seed(page, [0, 1]);
	await page.reload();
	const row = page.locator(`tr[data-model="${ID}"]`);
	await expect(row.getByTestId('cache-state')).toHaveText('cached (2.2 kB)');
	await expect(row.getByRole('button', { name: new RegExp(`^Use ${ID}`) })).toBeVisible();
	await row.getByRole('button', { name: new RegExp(`Delete ${ID}`) }).click();
	await expect(row.getByTestId('cache-state')).toHaveText('not downloaded');
	expect(await countEntries(page)).toBe(0);
});

test('a download cut off before its file list arrived is still deleted offline', async ({ page, guard }) => {
	await page.goto('/device');
	await seed(page, [], false);
	await page.reload();
	const row = page.locator(`tr[data-model="${ID}"]`);
	await expect(row.getByTestId('cache-state')).toHaveText('partial download (2 B)');
	await row.getByRole('button', { name: new RegExp(`Delete ${ID}`) }).click();
	await expect(row.getByTestId('cache-state')).toHaveText('not downloaded');
	expect(await countEntries(page)).toBe(0);
	// WebLLM's own delete tries to fetch the missing file list; our sweep does not need it.
	guard.offsite.length = 0;
});
