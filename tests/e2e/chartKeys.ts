// Driving a chart by keyboard: each chart is one tab stop (its .marks group) with the arrow keys
// inside; Home selects the first mark, Down moves to the next series, Right along it.
import type { Locator, Page } from '@playwright/test';

export async function keyToMark(page: Page, chart: string, row: number, col: number): Promise<Locator> {
	const marks = page.locator(`[data-chart="${chart}"] .marks`);
	await marks.focus();
	await page.keyboard.press('Home');
	for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
	for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
	return marks;
}
