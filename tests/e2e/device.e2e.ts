import { test, expect } from './fixtures';

test('the device panel shows the SwiftShader adapter, no shader-f16, and offers q4f32', async ({ page }) => {
	await page.goto('/device');
	const panel = page.getByRole('region', { name: 'What this browser offers' });
	await expect(panel.getByTestId('webgpu')).toHaveText('available');
	await expect(panel.getByTestId('adapter')).toHaveText('google · swiftshader (software)');
	await expect(panel.getByTestId('shader-f16')).toHaveText('no');
	await expect(panel.getByTestId('max-binding')).toHaveText('1.1 GB');
	await expect(panel.getByTestId('quantization')).toHaveText('q4f32');
	await expect(panel.getByTestId('default-engine')).toHaveText('wllama (WASM, CPU)');
	// tools/serve.js sends COOP/COEP, so the page is isolated: the panel must agree with the page.
	const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
	const cores = await page.evaluate(() => navigator.hardwareConcurrency);
	await expect(panel.getByTestId('isolated')).toHaveText(
		isolated ? `yes (WASM threads: ${Math.min(cores, 8)})` : 'no (WASM threads: 1)'
	);
	await expect(panel.getByTestId('storage')).toContainText(' of ');
	await expect(panel.locator('[data-code="software-adapter"]')).toBeVisible();
	await expect(panel.locator('[data-code="no-shader-f16"]')).toBeVisible();
});

test('without WebGPU the panel says so and the WASM engine is the default', async ({ page }) => {
	await page.addInitScript(() => {
		delete (Navigator.prototype as { gpu?: unknown }).gpu;
	});
	await page.goto('/device');
	const panel = page.getByRole('region', { name: 'What this browser offers' });
	await expect(panel.getByTestId('webgpu')).toHaveText('not available');
	await expect(panel.getByTestId('adapter')).toHaveText('none');
	await expect(panel.getByTestId('quantization')).toHaveText('none (WebLLM needs WebGPU)');
	await expect(panel.getByTestId('default-engine')).toHaveText('wllama (WASM, CPU)');
	await expect(panel.locator('[data-code="no-webgpu"]')).toContainText('navigator.gpu is missing');
});
