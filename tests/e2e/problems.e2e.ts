import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { startFixtureServer } from '../fixtures/datasets-server/server.js';
import { randomLlamaModel } from '../../src/lib/gguf';
import type { Bundle } from '../../src/lib/core/types';

type Server = Awaited<ReturnType<typeof startFixtureServer>>;

async function loadPreset(page: Page, label: RegExp) {
	await page.getByRole('radio', { name: label }).check();
	await page.getByRole('button', { name: 'Load problems' }).click();
}

const list = (page: Page) => page.getByTestId('problem-list');
/** The Count the page starts from (the study form's default, shared with the study page). */
const countField = (page: Page) => page.getByRole('spinbutton', { name: 'Count' });
const shownCount = async (page: Page) => Number(await countField(page).inputValue());

test.describe('problems page', () => {
	let server: Server;
	test.beforeAll(async () => void (server = await startFixtureServer()));
	test.afterAll(async () => server.close());

	test('the offline preset is generated on arrival, tagged by split and level, with its prompt', async ({ page }) => {
		await page.goto('/problems');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Problems');
		const count = await shownCount(page);
		expect(count).toBeGreaterThanOrEqual(10);
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		// Every split and level of the offline preset, in equal shares.
		await expect(page.getByTestId('problem-summary')).toContainText(`${count / 10} in-domain L1`);
		await expect(page.getByTestId('problem-summary')).toContainText(`${count / 10} ood L5`);
		await expect(list(page).locator('tr[data-split="ood"]').first()).toContainText('arithmetic');
		await expect(page.getByTestId('rendered-prompt')).toContainText('#### <answer>');
		// Keyboard: choose another problem with the keyboard and see its prompt.
		const second = list(page).locator('tbody tr').nth(1).getByRole('button');
		const id = (await second.textContent()) ?? '';
		await second.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { name: `Rendered for ${id}` })).toBeVisible();
		// Few-shot chat: exemplars become earlier turns.
		await page.getByRole('combobox', { name: /^Form/ }).selectOption('chat');
		await page.getByLabel('Style').selectOption('few-shot-cot');
		await expect(page.getByTestId('rendered-prompt')).toContainText('[assistant]');
	});

	test('online presets come from the datasets server, then from the IndexedDB cache with it stopped', async ({ page }) => {
		await page.goto(`/problems?datasets=${encodeURIComponent(server.url)}`);
		await expect(list(page)).toBeVisible();
		const before = server.requests.length;
		// The page counts below are for 100 problems (50 in-domain, 10 OOD a level).
		await countField(page).fill('100');
		await loadPreset(page, /^Paper: GSM8K/);
		await expect(page.getByTestId('source-label')).toContainText('Paper: GSM8K');
		await expect(list(page).locator('tbody tr')).toHaveCount(100);
		await expect(page.getByTestId('problem-summary')).toContainText('50 in-domain');
		for (let l = 1; l <= 5; l++) await expect(page.getByTestId('problem-summary')).toContainText(`10 ood L${l}`);
		await expect(list(page)).toContainText('gsm8k-');
		await expect(list(page)).toContainText('Algebra');
		expect(server.requests.length - before).toBe(6);

		await loadPreset(page, /^Commonsense/);
		await expect(page.getByTestId('source-label')).toContainText('Commonsense');
		await expect(list(page)).toContainText('csqa-fx');
		await page.getByRole('button', { name: /^csqa-/ }).first().click();
		await expect(page.getByTestId('rendered-prompt')).toContainText('(E) train');
		await expect(page.getByTestId('rendered-prompt')).toContainText('The answer is (X)');

		await loadPreset(page, /^SVAMP/);
		await expect(page.getByTestId('source-label')).toContainText('SVAMP');
		await expect(list(page)).toContainText('svamp-chal-');

		await server.close();
		await page.goto(`/problems?datasets=${encodeURIComponent(server.url)}`);
		await countField(page).fill('100');
		await loadPreset(page, /^Paper: GSM8K/);
		await expect(page.getByTestId('source-label')).toContainText('Paper: GSM8K');
		await expect(page.getByTestId('problem-summary')).toContainText('50 in-domain');
		await loadPreset(page, /^Commonsense/);
		await expect(page.getByTestId('source-label')).toContainText('Commonsense');
		await loadPreset(page, /^SVAMP/);
		await expect(page.getByTestId('source-label')).toContainText('SVAMP');
		await expect(page.getByTestId('load-error')).toHaveCount(0);
		// gsm8k 3 + math 3 + csqa 2 + svamp 2 pages, all from the first visit.
		await page.getByText('Datasets server').click();
		await expect(page.getByTestId('cache-count')).toHaveText('10 pages of rows cached in this browser.');
		await page.getByRole('button', { name: 'Clear cached datasets' }).click();
		await expect(page.getByTestId('cache-count')).toHaveText('0 pages of rows cached in this browser.');
		await loadPreset(page, /^SVAMP/);
		await expect(page.getByTestId('load-error')).toContainText('Could not reach the datasets server');
		server = await startFixtureServer();
	});

	test('429, 500 and an unreachable server are told in words, and the listed problems stay', async ({ page }) => {
		await page.goto(`/problems?datasets=${encodeURIComponent(`${server.url}/status/429`)}`);
		const count = await shownCount(page);
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		await loadPreset(page, /^Paper: GSM8K/);
		await expect(page.getByTestId('load-error')).toContainText('limiting requests (HTTP 429 Too Many Requests)');
		await expect(page.getByTestId('load-error')).toContainText('Wait 30 seconds');
		await expect(list(page).locator('tbody tr')).toHaveCount(count);

		await page.goto(`/problems?datasets=${encodeURIComponent(`${server.url}/status/500`)}`);
		await loadPreset(page, /^Commonsense/);
		await expect(page.getByTestId('load-error')).toContainText('HTTP 500');
		await expect(page.getByTestId('load-error')).toContainText('try again later');

		const gone = await startFixtureServer();
		await gone.close();
		await page.goto(`/problems?datasets=${encodeURIComponent(gone.url)}`);
		await loadPreset(page, /^Commonsense/);
		await expect(page.getByTestId('load-error')).toContainText('Could not reach the datasets server');
		await expect(page.getByTestId('load-error')).toContainText('you may be offline');
	});

	test('an uploaded CSV is mapped, validated by line, and formula-like cells stay text', async ({ page }) => {
		await page.goto('/problems');
		await expect(list(page)).toBeVisible();
		const csv = 'problem,gold,split,level\n"=1+1",2,in-domain,1\n@SUM(A1),3,ood,2\n,4,ood,2\nfine,5,sideways,1\n';
		await page.getByTestId('upload-input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect(page.getByLabel('Question *')).toHaveValue('problem');
		await expect(page.getByLabel('Answer (or leave it to the solution)')).toHaveValue('gold');
		await page.getByRole('button', { name: 'Use these problems' }).click();
		await expect(page.getByTestId('upload-ok')).toContainText('3 problems read from mine.csv');
		await expect(page.getByTestId('upload-issues')).toContainText('Line 4, problem: the question is empty.');
		await expect(page.getByTestId('upload-issues')).toContainText('Line 5, split: "sideways" is not a split');
		await expect(list(page).locator('tbody tr')).toHaveCount(3);
		await expect(list(page)).toContainText('=1+1');
		await expect(list(page)).toContainText('@SUM(A1)');

		const bad = Buffer.concat([Buffer.from('{"question":"a","answer":1}\n{"question":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
		await page.getByTestId('upload-input').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: bad });
		await expect(page.getByTestId('upload-error')).toContainText('byte 41 (line 2)');
		const huge = Buffer.from(`{"question":"${'x'.repeat(10 * 1024 * 1024)}","answer":1}\n`);
		await page.getByTestId('upload-input').setInputFiles({ name: 'huge.jsonl', mimeType: 'application/jsonl', buffer: huge });
		await expect(page.getByTestId('upload-error')).toContainText('Line 1 is 10.0 MB long; a line may hold at most 1.0 MB');
		await expect(list(page).locator('tbody tr')).toHaveCount(3);

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export CSV' }).click();
		const file = await download;
		const text = await (await file.createReadStream()).toArray();
		const exported = Buffer.concat(text as Buffer[]).toString('utf8');
		expect(exported).toContain(`'=1+1`);
		expect(exported).toContain(`'@SUM(A1)`);
		expect(exported.split('\r\n').every((line) => !/(^|,)[=+@]/.test(line))).toBe(true);
	});

	test('an uploaded JSONL survives a reload (bad files after it cost nothing) and the study page runs a study on it', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/problems');
		const count = await shownCount(page);
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		const jsonl = [
			{ id: 'mine-a', question: 'What is 2 + 3?', answer: '5', split: 'in-domain', level: 1 },
			{ id: 'mine-b', question: 'What is 7 * 6?', answer: '42', split: 'ood', level: 2 },
			{ id: 'mine-c', question: '<b>not bold</b> What is 1 + 1?', answer: '2', split: 'in-domain', level: 1 }
		]
			.map((r) => JSON.stringify(r))
			.join('\n');
		await page.getByTestId('upload-input').setInputFiles({ name: 'mine.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(jsonl) });
		await page.getByRole('button', { name: 'Use these problems' }).click();
		await expect(page.getByTestId('upload-ok')).toContainText('3 problems read from mine.jsonl');
		await expect(page.getByTestId('kept-upload')).toContainText('mine.jsonl (3 problems) is kept in this browser');

		// A malformed file and an oversized line after it are refused; the listed and kept problems stay.
		const bad = Buffer.concat([Buffer.from('{"question":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
		await page.getByTestId('upload-input').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: bad });
		await expect(page.getByTestId('upload-error')).toContainText('byte');
		const huge = Buffer.from(`{"question":"${'x'.repeat(2 * 1024 * 1024)}","answer":1}\n`);
		await page.getByTestId('upload-input').setInputFiles({ name: 'huge.jsonl', mimeType: 'application/jsonl', buffer: huge });
		await expect(page.getByTestId('upload-error')).toContainText('a line may hold at most');
		await expect(list(page).locator('tbody tr')).toHaveCount(3);

		await page.reload();
		await expect(list(page).locator('tbody tr')).toHaveCount(3);
		await expect(page.getByTestId('source-label')).toHaveText('Uploaded: mine.jsonl');
		// Imported text is text: the tag is shown, never made into an element.
		await expect(list(page)).toContainText('<b>not bold</b>');
		await expect(list(page).locator('b')).toHaveCount(0);
		// At 390 px the kept upload's line wraps inside the page.
		await page.setViewportSize({ width: 390, height: 844 });
		await expect(page.getByTestId('kept-upload')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		await page.setViewportSize({ width: 1280, height: 720 });

		// The study page lists the same problems after a fresh load, and a study runs on them.
		await page.goto('/study');
		await expect(page.getByTestId('problem-count')).toContainText('3 problems loaded (Uploaded: mine.jsonl)');
		await expect(page.getByRole('group', { name: /Built-in tiny models/ }).or(page.getByTestId('no-builtins'))).toBeVisible();
		await page.getByLabel('Local file').check();
		await page.getByTestId('gguf-file').setInputFiles({ name: 'r.gguf', mimeType: 'application/octet-stream', buffer: Buffer.from(randomLlamaModel({ seed: 1, scale: 2 })) });
		await page.getByRole('button', { name: 'Add model' }).click();
		await page.getByLabel('Max tokens').fill('8');
		await page.getByLabel('Samples per problem (n)').fill('1');
		await page.getByLabel('Also one greedy sample').uncheck();
		await expect(page.getByTestId('cost')).toContainText('3 samples');
		await page.getByRole('button', { name: 'Run the study' }).click();
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
		const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as Bundle;
		expect(bundle.study.problemSet).toEqual({ source: 'upload', id: 'mine.jsonl', count: 3 });
		expect(bundle.problems.map((p) => p.id)).toEqual(['mine-a', 'mine-b', 'mine-c']);
		expect(new Set(bundle.samples.map((s) => s.problem))).toEqual(new Set(['mine-a', 'mine-b', 'mine-c']));

		// A preset loaded instead is what a reload lists; the upload stays kept, offered, and can be forgotten.
		await page.goto('/problems');
		await expect(list(page).locator('tbody tr')).toHaveCount(3);
		await loadPreset(page, /^Offline/);
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		await page.reload();
		await expect(page.getByTestId('source-label')).toContainText('Offline');
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		await expect(page.getByTestId('kept-upload')).toContainText('Kept in this browser from an earlier upload: mine.jsonl (3 problems)');
		await page.getByRole('button', { name: 'List them again' }).click();
		await expect(list(page).locator('tbody tr')).toHaveCount(3);
		await page.getByRole('button', { name: 'Forget it' }).click();
		await expect(page.getByTestId('kept-upload')).toHaveCount(0);
		await expect(list(page).locator('tbody tr')).toHaveCount(3);
		await page.reload();
		await expect(list(page).locator('tbody tr')).toHaveCount(count);
		await expect(page.getByTestId('kept-upload')).toHaveCount(0);
	});
});
