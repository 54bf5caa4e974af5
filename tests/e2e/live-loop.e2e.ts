// The paper's loop in the page, at toy size: M1 samples 4 pool problems through the runner and
// llama.cpp, the training worker trains M2 on the kept samples, M2 is kept in IndexedDB, added to
// the demo study and evaluated; a reload keeps it; Node retrains the same GGUF from the recorded
// round, byte for byte (browser-vs-Node parity of the trainer), and Node's pool sampler draws the same
// samples from llama.cpp (parity of the sampling half).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { ModelRef } from '../../src/lib/core/types';
import { replayModel } from '../../tools/train/replay';
import { openLlamaPage } from '../../tools/train/llamaPage';
import { generateProblems } from '../../src/lib/core/problems';
import { poolJobs, poolSample } from '../../src/lib/train/pool';

interface Kept {
	ref: ModelRef;
	bytes: number[];
}

/** The trained models as the page stored them, read straight from IndexedDB. */
async function storedTrained(page: import('@playwright/test').Page): Promise<Kept[]> {
	return page.evaluate(
		() =>
			new Promise<Kept[]>((resolve, reject) => {
				const open = indexedDB.open('reversal-lab-runs');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('trained').objectStore('trained').getAll();
					get.onerror = () => reject(get.error);
					get.onsuccess = async () => {
						const rows = get.result as { ref: ModelRef; gguf: Blob }[];
						resolve(await Promise.all(rows.map(async (r) => ({ ref: r.ref, bytes: [...new Uint8Array(await r.gguf.arrayBuffer())] }))));
					};
				};
			})
	);
}

test('"Train the next iteration" samples, trains, keeps and evaluates M2; Node retrains the same bytes', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('/demo?loop=toy&problems=3&n=1');
	const train = page.getByTestId('loop-train');
	await expect(train).toBeEnabled({ timeout: 30_000 });
	await expect(train).toContainText('M2');
	await train.click();
	// Each phase shows itself with a progress bar.
	const phases = page.getByTestId('loop-phases');
	await expect(phases).toBeVisible();
	await expect(phases.locator('[data-phase="sampling"] progress')).toBeVisible();

	await expect(page.getByTestId('loop-trained')).toContainText('M2 live', { timeout: 240_000 });
	// Evaluated beside M1..M5 on the demo's problems: the report lists it.
	await expect(page.getByTestId('demo-report')).toHaveAttribute('data-complete', 'true', { timeout: 240_000 });
	await expect(page.getByTestId('demo-report')).toContainText('M2 live');
	await expect(page.getByTestId('loop-error')).toHaveCount(0);


	const [kept] = await storedTrained(page);
	expect(kept).toBeDefined();
	const t = kept!.ref.training!;
	expect(t.method).toBe('sft');
	expect(t.from.label).toBe('M1');
	expect(t.samples.length).toBe(t.pool.count * t.sampling.n);
	const bytes = new Uint8Array(kept!.bytes);
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(t.sha256);
	// The test server isolates the page (shared memory), so on two cores a second thread computes
	// half of each batch's gradients; Node's one-thread retraining below must still give these bytes.
	const cores = await page.evaluate(() => navigator.hardwareConcurrency);
	expect(t.result.threads).toBe(cores >= 2 ? 2 : 1);
	await expect(page.getByTestId('loop-trained')).toContainText(cores >= 2 ? 'on 2 threads' : 'on 1 thread');

	// The round's loss curve stays on the page, one tab stop like every chart: Tab reaches it from its
	// export buttons, Home / End and the arrows move between the steps reported (once per time slice,
	// each at its own step), the active step has a ring and a tooltip kept inside the viewport.
	const loss = page.locator('[data-chart="loss-curve"]');
	const steps = await loss.locator('circle[data-step]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-step')!));
	expect(steps.length).toBeGreaterThan(0);
	expect(steps.at(-1)).toBe(String(t.result.steps));
	expect(await loss.locator('svg [tabindex="0"]').count()).toBe(1);
	await loss.getByRole('button', { name: /as PNG/ }).focus();
	await page.keyboard.press('Tab');
	const marks = loss.locator('.marks');
	await expect(marks).toBeFocused();
	expect(await loss.locator('.plot').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
	await page.keyboard.press('End');
	await expect(marks).toHaveAttribute('data-active', steps.at(-1)!);
	await expect(loss.locator('circle.active')).toHaveAttribute('data-step', steps.at(-1)!);
	await expect(loss.locator('.tip')).toContainText(`step ${steps.at(-1)} of ${t.result.steps}`);
	const viewport = page.viewportSize()!;
	await expect
		.poll(async () => {
			const box = (await loss.locator('.tip').boundingBox())!;
			return box.x >= 0 && box.x + box.width <= viewport.width && box.y >= 0;
		})
		.toBe(true);
	await page.keyboard.press('Home');
	await expect(marks).toHaveAttribute('data-active', steps[0]!);
	if (steps.length > 1) {
		await page.keyboard.press('ArrowRight');
		await expect(marks).toHaveAttribute('data-active', steps[1]!);
	}
	await page.keyboard.press('Tab');
	await expect(marks).not.toBeFocused();
	await expect(loss.locator('.tip')).toHaveCount(0);

	// A reload keeps the trained model, and the next press would train M3 from it.
	await page.reload();
	await expect(page.getByTestId('loop-trained')).toContainText('M2 live');
	await expect(page.getByTestId('loop-train')).toContainText('M3');

	// Parity: Node retrains the recorded round from the shipped M1 with the same code, byte for byte.
	const m1 = new Uint8Array(readFileSync('static/models/tiny-m1.gguf'));
	expect(createHash('sha256').update(m1).digest('hex')).toBe(t.from.sha256);
	const again = await replayModel(kept!.ref, m1);
	expect(createHash('sha256').update(again).digest('hex')).toBe(t.sha256);
	expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);

	// Sampling parity: Node's pool sampler with the runner's rule (what sweep 2 trains with) sends the
	// page runner's requests, so llama.cpp answers with the page's pool samples, text for text.
	const llama = await openLlamaPage();
	try {
		const jobs = poolJobs(generateProblems(t.pool), t.sampling, { round: 2, model: t.from.id });
		const { done } = await llama.run(m1, jobs, t.sampling.maxTokens);
		const node = jobs.map((j, i) => poolSample(j, done[i]!, t.sampling.maxTokens));
		expect(node.map((x) => [x.problem, x.index, x.text])).toEqual(t.samples.map((x) => [x.problem, x.index, x.text]));
	} finally {
		await llama.close();
	}
});
