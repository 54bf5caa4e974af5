// The public datasets' own files, written by hand in their formats (tests/fixtures/datasets), used
// as a new user would: uploaded on the Problems page, and lm-eval --log_samples files opened on the
// Report page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const file = (dir: string, name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(FIXTURES, dir, name)) });
const rows = (page: Page) => page.getByTestId('problem-list').locator('tbody tr');
/** The preset listed on arrival, at the page's own Count (the study form's default). */
const arrived = async (page: Page) => expect(rows(page)).toHaveCount(Number(await page.getByRole('spinbutton', { name: 'Count' }).inputValue()));
const answers = async (page: Page) => (await rows(page).locator('td:last-child').allInnerTexts()).map((t) => t.trim());

async function openReport(page: Page): Promise<void> {
	await page.goto('/report');
	await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
}

async function upload(page: Page, name: string): Promise<void> {
	await page.getByTestId('upload-input').setInputFiles(file('datasets', name));
	await page.getByRole('button', { name: 'Use these problems' }).click();
}

test('GSM8K test-file lines upload with gold = the number after ####, and the undo keeps the worked answers', async ({ page }) => {
	await page.goto('/problems');
	await arrived(page);
	await upload(page, 'gsm8k-test.jsonl');
	await expect(page.getByTestId('upload-ok')).toContainText('4 problems read from gsm8k-test.jsonl');
	await expect(page.getByTestId('upload-notes')).toContainText("gold taken from '#### ...' for 4 problems");
	expect(await answers(page)).toEqual(['16', '43200', '30.25', '-7']);
	await page.getByRole('button', { name: "Undo: use the 'answer' column as written" }).click();
	await expect(page.getByTestId('upload-notes')).toContainText("The 'answer' column is used as written.");
	expect((await answers(page))[0]).toMatch(/^She bakes/);
	await page.getByRole('button', { name: 'Take the gold from worked solutions again' }).click();
	expect(await answers(page)).toEqual(['16', '43200', '30.25', '-7']);
});

test('MATH files upload: the original format (gold from the last \\boxed{}, Level 3 -> 3, type -> subject) and MATH-500 (unique_id as id)', async ({ page }) => {
	await page.goto('/problems');
	await arrived(page);
	await page.getByTestId('upload-input').setInputFiles(file('datasets', 'math-test.jsonl'));
	await expect(page.getByLabel('Question *')).toHaveValue('problem');
	await expect(page.getByRole('combobox', { name: /^Solution/ })).toHaveValue('solution');
	await expect(page.getByRole('combobox', { name: /^Subject/ })).toHaveValue('type');
	await page.getByRole('button', { name: 'Use these problems' }).click();
	await expect(page.getByTestId('upload-ok')).toContainText('6 problems read from math-test.jsonl');
	await expect(page.getByTestId('upload-notes')).toContainText("gold taken from the 'solution' column for 6 problems (no answer column)");
	await expect(page.getByTestId('upload-notes')).toContainText('1 problem marked "Level ?" has no level');
	expect(await answers(page)).toEqual(['\\frac{19}{12}', '4\\frac{2}{3}', '-2, 1', '5\\text{ cm}^2', '5\\sqrt{2}', '\\{1\\}']);
	const third = rows(page).nth(2);
	await expect(third.locator('td').nth(2)).toHaveText('3');
	await expect(third.locator('td').nth(3)).toHaveText('Algebra');

	await upload(page, 'math500-test.jsonl');
	await expect(page.getByTestId('upload-ok')).toContainText('3 problems read');
	await expect(page.getByTestId('problem-list')).toContainText('test/algebra/202.json');
	expect(await answers(page)).toEqual(['56', '3, -3', '\\frac{1}{3}']);
});

test('the report page opens lm-eval --log_samples files: one, and several at once (one model each, gzip too)', async ({ page }) => {
	await openReport(page);
	await page.getByTestId('file-input').setInputFiles(file('samples', 'lm-eval-gsm8k.jsonl'));
	await expect(page.getByTestId('study-header')).toContainText('1 models');
	await expect(page.getByTestId('report-warnings')).toContainText("gold taken from '#### ...'");
	await expect(page.getByTestId('dashboard')).toBeVisible();

	const text = readFileSync(join(FIXTURES, 'samples', 'lm-eval-gsm8k.jsonl'));
	await page.getByTestId('file-input').setInputFiles([
		{ name: 'samples_gsm8k_2024-05-01.jsonl', mimeType: 'application/x-ndjson', buffer: text },
		{ name: 'samples_gsm8k_2024-06-01.jsonl.gz', mimeType: 'application/gzip', buffer: gzipSync(text) }
	]);
	await expect(page.getByTestId('study-header')).toContainText('2 models');
	await expect(page.getByTestId('study-header')).toContainText('samples_gsm8k_2024-05-01.jsonl + samples_gsm8k_2024-06-01.jsonl.gz');
	await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('a samples JSONL whose gold is a raw GSM8K answer is graded against the number after #### and says so', async ({ page }) => {
	await openReport(page);
	await page.getByTestId('file-input').setInputFiles(file('datasets', 'samples-raw-gold.jsonl'));
	await expect(page.getByTestId('report-warnings')).toContainText(`gold taken from '#### ...' for 4 of 4 problems`);
	await expect(page.getByTestId('study-header')).toContainText('2 models · 4 problems · 8 samples');
});
