import { test, expect } from './fixtures';

test('the catalogue offers only q4f32 variants on SwiftShader, with sizes before any download', async ({ page, guard }) => {
	await page.goto('/device');
	const catalogue = page.getByRole('region', { name: 'WebLLM models (WebGPU)' });
	await expect(catalogue.getByTestId('variant-note')).toContainText('Showing q4f32 variants');
	const rows = catalogue.locator('tbody tr[data-model]');
	await expect(rows.first()).toBeVisible();
	const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model') ?? ''));
	expect(ids.length).toBeGreaterThanOrEqual(8);
	for (const id of ids) expect(id).toMatch(/-(q4f32_1|q0f32)-MLC$/);
	const qwen = catalogue.locator('tr[data-model="Qwen2.5-0.5B-Instruct-q4f32_1-MLC"]');
	await expect(qwen).toContainText('≈ 321 MB');
	await expect(qwen).toContainText('1,060 MB');
	await expect(qwen.getByTestId('cache-state')).toHaveText('not downloaded');
	// Listing the catalogue downloads nothing.
	expect(guard.offsite).toEqual([]);
});

test('with downloads blocked, choosing a WebLLM model gives an offline error in the page, then Retry fails the same way', async ({ page, guard }) => {
	await page.goto('/device');
	const row = page.locator('tr[data-model="Qwen2.5-0.5B-Instruct-q4f32_1-MLC"]');
	await row.getByRole('button', { name: /Download and use/ }).click();
	const alert = page.getByTestId('webllm-error');
	await expect(alert).toBeVisible({ timeout: 30_000 });
	await expect(alert).toHaveAttribute('data-code', 'offline');
	await expect(alert).toContainText('Could not reach huggingface.co and raw.githubusercontent.com to download Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
	expect(guard.offsite.some((u) => u.startsWith('https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/'))).toBe(true);
	await page.getByRole('button', { name: 'Retry' }).click();
	await expect(alert).toHaveAttribute('data-code', 'offline', { timeout: 30_000 });
	// Nothing half-downloaded is left behind.
	await expect(row.getByTestId('cache-state')).toHaveText('not downloaded');
	guard.offsite.length = 0; // the blocked requests were the point of this test
});

test('no WebGPU: the catalogue offers the WASM engine instead', async ({ page }) => {
	await page.addInitScript(() => {
		delete (Navigator.prototype as { gpu?: unknown }).gpu;
	});
	await page.goto('/device');
	const alert = page.getByTestId('no-webgpu');
	await expect(alert).toContainText('WebGPU is not available in this browser');
	await expect(alert.getByRole('link', { name: 'Use the WASM engine (wllama) on the study page' })).toBeVisible();
	await expect(page.locator('tr[data-model]')).toHaveCount(0);
});

test('a model too large for the device is refused with numbers, and nothing downloads', async ({ page, guard }) => {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.5, configurable: true });
	});
	await page.goto('/device');
	const row = page.locator('tr[data-model="Qwen2.5-0.5B-Instruct-q4f32_1-MLC"]');
	await expect(row).toContainText('Will not fit: Qwen2.5-0.5B-Instruct-q4f32_1-MLC needs about 1,060 MB of GPU memory; this device reports 0.5 GB of memory');
	await row.getByRole('button', { name: /Download and use/ }).click();
	const alert = page.getByTestId('webllm-error');
	await expect(alert).toHaveAttribute('data-code', 'refused');
	await expect(alert).toContainText('Not downloaded. Qwen2.5-0.5B-Instruct-q4f32_1-MLC needs about 1,060 MB of GPU memory; this device reports 0.5 GB of memory. Choose a smaller model.');
	await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
	expect(guard.offsite).toEqual([]);
});

test('a custom MLC model URL is validated field by field', async ({ page }) => {
	await page.goto('/device');
	await page.getByText('Custom MLC model (advanced)').click();
	await page.getByLabel(/^Model URL/).fill('not a url');
	await page.getByLabel(/^Model library URL/).fill('https://example.org/lib.wasm');
	await page.getByRole('button', { name: 'Add to the list' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Model URL:' })).toBeVisible();
	await page.getByLabel(/^Model URL/).fill('https://huggingface.co/me/Tiny-q4f32_1-MLC');
	await page.getByLabel(/^GPU memory needed/).fill('300');
	await page.getByRole('button', { name: 'Add to the list' }).click();
	const row = page.locator('tr[data-model="Tiny-q4f32_1-MLC"]');
	await expect(row).toContainText('300 MB');
	await expect(row).toContainText('unknown');
});

test('a download larger than the storage quota is refused with the quota and usage', async ({ page, guard }) => {
	await page.addInitScript(() => {
		StorageManager.prototype.estimate = async () => ({ usage: 900e6, quota: 1e9 });
	});
	await page.goto('/device');
	await expect(page.getByTestId('storage')).toHaveText('900 MB of 1 GB');
	const row = page.locator('tr[data-model="Qwen2.5-1.5B-Instruct-q4f32_1-MLC"]');
	await row.getByRole('button', { name: /Download and use/ }).click();
	await expect(page.getByTestId('webllm-error')).toContainText(
		'Not downloaded. Qwen2.5-1.5B-Instruct-q4f32_1-MLC needs about 975 MB of storage; this site may store 100 MB more (quota 1 GB, used 900 MB). Delete cached models or free disk space, then try again.'
	);
	expect(guard.offsite).toEqual([]);
});
