// Runner throughput against a bare loop of engine calls (same model, same requests), and the
// speed-up from prompt-prefix reuse at n = 16, measured in headless Chromium on the built app.
// Usage: npm run build && npx tsx tools/bench-runner.ts [--repeats 3] [--build build] [--only throughput|prefill]
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { randomLlamaModel } from '../src/lib/gguf';
import type { BenchResult } from '../src/lib/ui/study/bench';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';
// @ts-expect-error: tools/serve.js is plain JavaScript without types
import { startServer } from './serve.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const repeats = Number(arg('--repeats')) || 3;
const buildDir = arg('--build') ?? 'build';
const only = arg('--only'); // 'throughput' or 'prefill'
const PORT = 4399;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), 'bench-runner-'));
	// A private copy of the build, so other builds of build/ cannot change it mid-measurement.
	await cp(buildDir, dir, { recursive: true });
	await mkdir(join(dir, 'bench-models'));
	// Models never emit end-of-text, so every sample is exactly maxTokens long in every mode.
	const models = {
		tiny: randomLlamaModel({ seed: 1, scale: 2, avoidEos: true, config: { ctx: 4096 } }),
		small: randomLlamaModel({ seed: 2, scale: 2, avoidEos: true, config: { dim: 256, layers: 4, heads: 8, kvHeads: 8, ff: 768, ctx: 4096 } })
	};
	for (const [name, bytes] of Object.entries(models)) await writeFile(join(dir, 'bench-models', `${name}.gguf`), bytes);
	const server = (await startServer(dir, PORT)) as { close(): void };
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

	async function measure(query: Record<string, string | number>): Promise<BenchResult> {
		const page = await browser.newPage();
		const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
		await page.goto(`http://localhost:${PORT}/study/bench?${q}`);
		const out = page.getByTestId('bench-result').or(page.getByTestId('bench-error'));
		await out.waitFor({ timeout: 600_000 });
		const text = await out.innerText();
		await page.close();
		if ((await out.getAttribute('data-testid').catch(() => null)) === 'bench-error' || !text.startsWith('{')) throw new Error(text);
		return JSON.parse(text) as BenchResult;
	}

	async function compare(label: string, base: Record<string, string | number>, modes: string[]): Promise<Record<string, BenchResult[]>> {
		const runs: Record<string, BenchResult[]> = Object.fromEntries(modes.map((m) => [m, []]));
		for (let r = 0; r < repeats; r++) {
			// Alternate the order so drift (thermal, caches) does not favour one mode.
			for (const mode of r % 2 ? [...modes].reverse() : modes) {
				const res = await measure({ ...base, mode });
				runs[mode]?.push(res);
				console.log(`${label} ${mode} #${r + 1}: ${res.samples} samples, ${res.seconds.toFixed(2)} s (first sample at ${res.firstSampleSeconds.toFixed(2)} s), ${res.samplesPerSecond.toFixed(1)} samples/s, ${res.tokensPerSecond.toFixed(0)} tokens/s (${res.engine})`);
			}
		}
		return runs;
	}

	const report: string[] = [];
	if (only !== 'prefill') {
	const tput = await compare('throughput', { model: '/bench-models/tiny.gguf', problems: 40, n: 16, maxTokens: 32, prompt: 'short' }, ['runner', 'bare']);
	const runner = median((tput.runner ?? []).map((r) => r.samplesPerSecond));
	const bareRate = median((tput.bare ?? []).map((r) => r.samplesPerSecond));
	report.push(
		`Runner vs bare loop (tiny model d=64 L=2, 40 problems x 16 samples, 32 tokens each, "Q: ... A: " prompt; median of ${repeats}): runner ${runner.toFixed(1)} samples/s, bare loop ${bareRate.toFixed(1)} samples/s = ${((100 * runner) / bareRate).toFixed(1)}%`
	);
	}
	for (const [name, maxTokens] of only === 'throughput' ? [] : ([['tiny', 16], ['small', 16]] as const)) {
		const reuse = await compare(`prefill ${name}`, { model: `/bench-models/${name}.gguf`, problems: 10, n: 16, maxTokens, prompt: 'fewshot' }, ['bare', 'bare-nocache']);
		const on = median((reuse.bare ?? []).map((r) => r.seconds));
		const off = median((reuse['bare-nocache'] ?? []).map((r) => r.seconds));
		report.push(
			`Prefill reuse at n = 16 (${name} model, 4-shot prompt, 10 problems, ${maxTokens} tokens per sample; median of ${repeats}): ${off.toFixed(2)} s without, ${on.toFixed(2)} s with = ${(off / on).toFixed(2)}x`
		);
	}
	await browser.close();
	server.close();
	await rm(dir, { recursive: true, force: true });
	console.log('\n' + report.join('\n'));
}

await main();
