// The wllama engine's failures, told in words through the study page: a truncated GGUF, a file
// of random bytes, and a GGUF llama.cpp refuses; after each, a valid model still loads and runs.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { randomLlamaModel } from '../../src/lib/gguf';
import { mulberry32 } from '../../src/lib/core/random';

const VALID = randomLlamaModel({ seed: 11, scale: 2 });
const random = mulberry32(99);
const BAD: Array<{ name: string; bytes: Uint8Array; expect: RegExp }> = [
	{ name: 'truncated.gguf', bytes: VALID.subarray(0, Math.floor(VALID.byteLength * 0.6)), expect: /incomplete/ },
	{ name: 'noise.gguf', bytes: Uint8Array.from({ length: 50_000 }, () => Math.floor(random() * 256)), expect: /not a GGUF file/ },
	{
		name: 'foo-arch.gguf',
		bytes: randomLlamaModel({ seed: 12, architecture: 'foo' }),
		expect: /llama\.cpp says: .*unknown model architecture: 'foo'/
	}
];

async function addModel(page: Page, name: string, bytes: Uint8Array): Promise<void> {
	await page.getByLabel('Local file').check();
	await page.getByTestId('gguf-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
	await page.getByRole('button', { name: 'Add model' }).click();
}

test('a truncated GGUF, random bytes and an unknown architecture each give a readable error; a valid model loads after', async ({ page }) => {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await page.getByLabel('Samples per problem (n)').fill('1');
	await page.getByLabel('Also one greedy sample').uncheck();
	await page.getByLabel('Max tokens').fill('16');
	for (const bad of BAD) {
		await addModel(page, bad.name, bad.bytes);
		await page.getByRole('button', { name: 'Run the study' }).click();
		const error = page.getByTestId('run-error');
		await expect(error).toBeVisible({ timeout: 30_000 });
		await expect(error).toHaveAttribute('data-code', 'model-invalid');
		await expect(error).toContainText(bad.name);
		await expect(error).toContainText(bad.expect);
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled');
		await page.getByRole('button', { name: `Remove ${bad.name}` }).click();
	}
	await addModel(page, 'valid.gguf', VALID);
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
	await expect(page.getByTestId('overall-done')).toHaveText('20');
	await expect(page.getByTestId('run-error')).toHaveCount(0);
});

test('a Hugging Face GGUF downloads in the browser, is cached, and runs', async ({ page }) => {
	// The hub is faked at its real address and shape (resolve URL, content-length); the code path is the real one.
	let hits = 0;
	await page.route('https://huggingface.co/**', async (route) => {
		hits++;
		expect(route.request().url()).toBe('https://huggingface.co/acme/tiny-GGUF/resolve/main/tiny-f16.gguf');
		await route.fulfill({
			status: 200,
			headers: { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' },
			body: Buffer.from(randomLlamaModel({ seed: 21, scale: 2, type: 'f16' }))
		});
	});
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await page.getByLabel('Samples per problem (n)').fill('1');
	await page.getByLabel('Max tokens').fill('8');
	await page.getByRole('radio', { name: 'Hugging Face', exact: true }).check();
	await page.getByLabel('Repository and file').fill('acme/tiny-GGUF/tiny-f16.gguf');
	await page.getByRole('button', { name: 'Add model' }).click();
	await expect(page.getByTestId('chosen-models')).toContainText('tiny-f16.gguf');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
	await expect(page.getByTestId('overall-done')).toHaveText('40');
	// A second run reads the file from the browser's cache instead of the network.
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
	expect(hits).toBe(1);
});

test('a GGUF URL that fails gives the reason in words', async ({ page }) => {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await page.getByLabel('GGUF address').fill(new URL('/no-such-model.gguf', page.url()).href);
	await page.getByRole('button', { name: 'Add model' }).click();
	await page.getByRole('button', { name: 'Run the study' }).click();
	const error = page.getByTestId('run-error');
	await expect(error).toContainText('The server answered 404', { timeout: 30_000 });
	await expect(error).toHaveAttribute('data-code', 'network');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await page.getByRole('button', { name: 'Remove no-such-model.gguf' }).click();
	await page.getByLabel('GGUF address').fill('http://localhost:9/closed.gguf');
	await page.getByRole('button', { name: 'Add model' }).click();
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(error).toContainText('Could not reach http://localhost:9/closed.gguf', { timeout: 30_000 });
	await expect(error).toContainText('CORS');
});

const CHATML =
	"{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

test('a chat model is sampled through its own chat template', async ({ page }) => {
	await page.goto('/study');
	await expect(page.getByTestId('problem-count')).toContainText('20 problems');
	await page.getByLabel('Samples per problem (n)').fill('2');
	await page.getByLabel('Max tokens').fill('12');
	// With built-in models shipped, their format is the default template: pick a standard one.
	await expect(page.getByRole('group', { name: /Built-in tiny models/ }).or(page.getByTestId('no-builtins'))).toBeVisible();
	const standard = page.getByLabel('A standard template');
	if (await standard.count()) await standard.check();
	await page.getByRole('combobox', { name: /^Form/ }).selectOption('chat');
	await page.getByLabel('Local file').check();
	await page.getByTestId('gguf-file').setInputFiles({
		name: 'chatty.gguf',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(randomLlamaModel({ seed: 31, scale: 2, avoidEos: true, chatTemplate: CHATML, config: { ctx: 2048 } }))
	});
	await page.getByLabel('Chat model (use its chat template)').check();
	await page.getByRole('button', { name: 'Add model' }).click();
	await expect(page.getByTestId('chosen-models')).toContainText('chat');
	await page.getByRole('button', { name: 'Run the study' }).click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
	await expect(page.getByTestId('overall-done')).toHaveText('60');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
	const bundle = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8')) as {
		samples: Array<{ tokens: number; text: string }>;
		study: { prompt: { form: string } };
	};
	expect(bundle.study.prompt.form).toBe('chat');
	// EOS is held down, so each answer runs to max tokens, counted from the streamed chat chunks.
	expect(bundle.samples.every((s) => s.tokens === 12 && s.text.length > 0)).toBe(true);
});
