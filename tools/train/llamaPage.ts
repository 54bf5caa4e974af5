// llama.cpp for the Node tools: wllama (WASM, one thread) in a headless Chromium page, set up as the
// app's engine sets it up, so the trainer's pools, the sweep's evaluations and the demo bundles are
// sampled by the same sampler, with the same seeds, as the page's live loop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/chromium';
import { contextOptions } from '../../src/lib/engines/wllama/contextOptions';
import type { ModelConfig } from '../../src/lib/train/config';
import { toGguf } from '../../src/lib/train/gguf';
import { poolJobs, poolSample } from '../../src/lib/train/pool';
import type { PoolSampler } from './chain';

const WLLAMA = 'node_modules/@wllama/wllama/esm';
const ORIGIN = 'http://localhost:4399';

export interface Job {
	prompt: string;
	temperature: number;
	seed: number;
	/** Sent only when given; otherwise wllama's defaults. */
	cachePrompt?: boolean;
	stop?: string[];
}

export interface Done {
	text: string;
	tokens: number;
	ms: number;
}

export interface LlamaPage {
	/** Loads `gguf` in a fresh wllama, runs the jobs in order, frees it. */
	run(gguf: Uint8Array, jobs: readonly Job[], maxTokens: number): Promise<{ done: Done[]; engine: string; browser: string; loadMs: number }>;
	close(): Promise<void>;
}

export async function openLlamaPage(): Promise<LlamaPage> {
	const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
	const page: Page = await browser.newPage();
	let model: Uint8Array = new Uint8Array(0);
	await page.route(`${ORIGIN}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>llama</title>' });
		if (path === '/model.gguf') return route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(model.buffer, model.byteOffset, model.byteLength) });
		if (path.startsWith('/wllama/')) {
			const file = path.slice(8);
			return route.fulfill({ contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body: readFileSync(join(WLLAMA, file)) });
		}
		return route.fulfill({ status: 404, body: '' });
	});
	await page.goto(`${ORIGIN}/`);
	return {
		async run(gguf, jobs, maxTokens) {
			model = gguf;
			const load = contextOptions({ modelBytes: gguf.byteLength, nCtx: 1024, threads: 1, gpu: false });
			return page.evaluate(
				async ({ jobs, maxTokens, load }) => {
					const url = '/wllama/index.js';
					const { Wllama } = (await import(/* @vite-ignore */ url)) as typeof import('@wllama/wllama');
					const quiet = { debug() {}, log() {}, warn() {}, error: console.error };
					const t0 = performance.now();
					const w = new Wllama({ default: '/wllama/wasm/wllama.wasm' }, { logger: quiet });
					w.setCompat(null);
					const blob = await (await fetch('/model.gguf')).blob();
					await w.loadModel([blob], load);
					if (w.getLoadedContextInfo().n_vocab === 0) throw new Error('llama.cpp could not load the model');
					const loadMs = performance.now() - t0;
					const done: { text: string; tokens: number; ms: number }[] = [];
					for (const j of jobs) {
						const s = performance.now();
						// Every sampler setting explicit and neutral but temperature, as the app's engine sends them.
						const r = await w.createCompletion({
							prompt: j.prompt, max_tokens: maxTokens, temperature: j.temperature, top_p: 1, top_k: 0, min_p: 0, typical_p: 1, penalty_repeat: 1, penalty_freq: 0, penalty_present: 0, seed: j.seed,
							...(j.cachePrompt === undefined ? {} : { cache_prompt: j.cachePrompt }),
							...(j.stop ? { stop: j.stop } : {})
						});
						done.push({ text: r.choices[0]?.text ?? '', tokens: r.usage.completion_tokens, ms: performance.now() - s });
					}
					await w.exit();
					return { done, engine: `wllama 3.13.0 (llama.cpp ${Wllama.getLibllamaVersion()}), WASM CPU, 1 thread, KV cache ${load.cache_type_k ?? 'f16'}`, browser: navigator.userAgent, loadMs };
				},
				{ jobs: [...jobs], maxTokens, load }
			);
		},
		close: () => browser.close()
	};
}

/**
 * Runs `jobs` on several pages at once (one core each) and returns their results in job order. A
 * job with cachePrompt true continues the page's previous prompt (the same problem's), so chunks
 * start only at jobs that do not: every job then sees the same llama.cpp state it would on one page.
 */
export async function runOnPages(pages: readonly LlamaPage[], gguf: Uint8Array, jobs: readonly Job[], maxTokens: number): Promise<Done[]> {
	const chunks: Job[][] = [];
	const size = Math.ceil(jobs.length / pages.length);
	for (const job of jobs) {
		const last = chunks.at(-1);
		const cut = !last || (last.length >= size && chunks.length < pages.length && job.cachePrompt !== true);
		if (cut) chunks.push([job]);
		else last.push(job);
	}
	const runs = await Promise.all(chunks.map((chunk, i) => pages[i]!.run(gguf, chunk, maxTokens)));
	return runs.flatMap((r) => r.done);
}

/** A chain's pool sampler on these pages: the weights go to llama.cpp as the F32 GGUF the family ships. */
export function llamaPoolSampler(pages: readonly LlamaPage[], c: ModelConfig): PoolSampler {
	return async (w, problems, s, at) => {
		const jobs = poolJobs(problems, s, at);
		const done = await runOnPages(pages, toGguf(c, w, 'reversal-lab pool', 'a round being sampled'), jobs, s.maxTokens);
		return jobs.map((j, i) => poolSample(j, done[i]!, s.maxTokens));
	};
}
