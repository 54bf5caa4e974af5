// Parity: for every shipped tiny model, the trainer's own forward pass (Node, tools/train/infer.ts,
// over the weights read back from the shipped GGUF) and llama.cpp (wllama in Chromium) must agree:
// identical greedy continuations on >= 49 of 50 prompts, next-token log-probabilities within 1e-2.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LoadModelParams } from '@wllama/wllama';
import { test, expect } from './fixtures';
import { fromGguf } from '../../src/lib/train/gguf';
import { createDecoder, generate, logSoftmax } from '../../src/lib/train/infer';
import { VOCAB, promptOf } from '../../src/lib/train/data';
import { generateProblems } from '../../src/lib/core/problems';
import { contextOptions } from '../../src/lib/engines/wllama/contextOptions';

const MODELS = process.env.PARITY_MODELS ?? 'static/models';
const WLLAMA = 'node_modules/@wllama/wllama/esm';
const MAX_TOKENS = 32;
const TOP = 5;

type Entry = { id: string; file: string };
const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as { models: Entry[]; variants?: { models: Entry[] }[] };
// Every shipped file: the SFT chain and the chains trained beside it from the same M1.
const shipped = [...manifest.models, ...(manifest.variants ?? []).flatMap((v) => v.models)];
// In-domain and OOD questions of every level, from a seed the trainer never used.
const prompts = generateProblems({ seed: 4242, count: 50, split: 'both' }).map((p) => promptOf(p.question));
const probePrompts = prompts.slice(0, 10);

async function openPage(page: Page, file: string): Promise<void> {
	await page.route('**/__parity/**', (route) => {
		const path = new URL(route.request().url()).pathname.replace('/__parity/', '');
		if (path === 'blank') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>parity</title>' });
		if (path === 'model.gguf') return route.fulfill({ contentType: 'application/octet-stream', body: readFileSync(join(MODELS, file)) });
		const type = path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
		return route.fulfill({ contentType: type, body: readFileSync(join(WLLAMA, path)) });
	});
	await page.goto('/__parity/blank');
}

interface EngineOut {
	texts: string[];
	probes: { id: number; logprob: number }[][];
	nVocab: number;
}

async function runWllama(page: Page, texts: string[], probes: string[], load: LoadModelParams): Promise<EngineOut> {
	return page.evaluate(
		async ({ texts, probes, maxTokens, top, load }) => {
			const url = '/__parity/index.js';
			const { Wllama } = (await import(/* @vite-ignore */ url)) as typeof import('@wllama/wllama');
			const quiet = { debug() {}, log() {}, warn() {}, error: console.error };
			const w = new Wllama({ default: '/__parity/wasm/wllama.wasm' }, { logger: quiet });
			w.setCompat(null);
			const blob = await (await fetch('/__parity/model.gguf')).blob();
			await w.loadModel([blob], load);
			const nVocab = w.getLoadedContextInfo().n_vocab;
			const out: string[] = [];
			for (const prompt of texts) {
				const r = await w.createCompletion({ prompt, max_tokens: maxTokens, temperature: 0 });
				out.push(r.choices[0]?.text ?? '');
			}
			const probesOut: { id: number; logprob: number }[][] = [];
			for (const prompt of probes) {
				const r = await w.createCompletion({ prompt, max_tokens: 1, temperature: 0, logprobs: top });
				const lp = r.choices[0]?.logprobs as unknown as { content: { top_logprobs: { id: number; logprob: number }[] }[] };
				probesOut.push((lp.content[0]?.top_logprobs ?? []).map((t) => ({ id: t.id, logprob: t.logprob })));
			}
			await w.exit();
			return { texts: out, probes: probesOut, nVocab };
		},
		{ texts, probes, maxTokens: MAX_TOKENS, top: TOP, load }
	);
}

for (const model of shipped) {
	test(`${model.id}: trainer forward pass and llama.cpp agree`, async ({ page }) => {
		test.setTimeout(180_000);
		const { config, weights } = fromGguf(new Uint8Array(readFileSync(join(MODELS, model.file))));
		const mine = prompts.map((p) => VOCAB.decode(generate(config, weights, VOCAB.encode(p), { maxTokens: MAX_TOKENS, temperature: 0, stop: VOCAB.eosId })));
		const myProbes = probePrompts.map((p) => {
			const dec = createDecoder(config, weights);
			let logits: Float64Array = new Float64Array(0);
			for (const t of VOCAB.encode(p)) logits = dec.step(t);
			return logSoftmax(logits);
		});
		await openPage(page, model.file);
		// llama.cpp is set up exactly as the app's engine sets it up for this file (F32 cache for small models).
		const bytes = statSync(join(MODELS, model.file)).size;
		const theirs = await runWllama(page, prompts, probePrompts, contextOptions({ modelBytes: bytes, nCtx: 1024, threads: 1, gpu: false }));
		expect(theirs.nVocab).toBe(VOCAB.size);
		const same = mine.filter((t, i) => t === theirs.texts[i]).length;
		let worst = 0;
		theirs.probes.forEach((list, i) => {
			expect(list.length).toBe(TOP);
			for (const { id, logprob } of list) worst = Math.max(worst, Math.abs(logprob - myProbes[i]![id]!));
		});
		console.log(`parity ${model.id}: greedy identical on ${same}/${prompts.length}; max |logprob diff| over ${probePrompts.length} prompts x top ${TOP} = ${worst.toExponential(2)}`);
		expect(same).toBeGreaterThanOrEqual(49);
		expect(worst).toBeLessThan(1e-2);
	});
}
