// Runs the shipped tiny family through llama.cpp (wllama, WASM, one thread) in headless Chromium
// and writes static/demo/demo-bundle.json (the finished demo study) and the measured competence
// into static/models/manifest.json. Usage: npx tsx tools/train/demoBundle.ts
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateProblems } from '../../src/lib/core/problems';
import { grade } from '../../src/lib/core/grading';
import { sampleSeed } from '../../src/lib/core/random';
import { parseBundle } from '../../src/lib/core/study';
import { GREEDY_INDEX, type Bundle, type ModelRef, type Problem, type Sample, type StudyConfig } from '../../src/lib/core/types';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/chromium';
import { contextOptions } from '../../src/lib/engines/wllama/contextOptions';

// DEMO_MODELS and DEMO_QUICK=1 (4 problems, n = 2, no files written) exist to check the script itself.
// DEMO_SIZE=full writes the full-size study (60 problems, greedy + 16) instead of the default demo.
const MODELS = process.env.DEMO_MODELS ?? 'static/models';
const QUICK = process.env.DEMO_QUICK === '1';
const FULL = process.env.DEMO_SIZE === 'full';
const SIZE = FULL ? { problems: 60, n: 16, file: 'demo-full-bundle.json', key: 'demoFull' } : { problems: 40, n: 8, file: 'demo-bundle.json', key: 'demo' };
const WLLAMA = 'node_modules/@wllama/wllama/esm';
const ORIGIN = 'http://localhost:4399';

interface Entry {
	id: string;
	label: string;
	file: string;
}

interface Manifest {
	models: Entry[];
	variants?: { models: Entry[] }[];
	prompt: { template: string };
	competence?: unknown;
	[key: string]: unknown;
}

interface Job {
	prompt: string;
	temperature: number;
	seed: number;
}

interface Done {
	text: string;
	tokens: number;
	ms: number;
}

async function openPage(page: Page): Promise<void> {
	await page.route(`${ORIGIN}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>demo</title>' });
		if (path.startsWith('/models/')) return route.fulfill({ contentType: 'application/octet-stream', body: readFileSync(join(MODELS, path.slice(8))) });
		if (path.startsWith('/wllama/')) {
			const file = path.slice(8);
			return route.fulfill({ contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body: readFileSync(join(WLLAMA, file)) });
		}
		return route.fulfill({ status: 404, body: '' });
	});
	await page.goto(`${ORIGIN}/`);
}

/** Loads one model in a fresh wllama and runs the jobs in order; returns texts and timings. */
async function runModel(page: Page, file: string, jobs: Job[], maxTokens: number): Promise<{ done: Done[]; engine: string; browser: string; loadMs: number }> {
	// llama.cpp set up as the app's engine sets it up for a file of this size.
	const load = contextOptions({ modelBytes: statSync(join(MODELS, file)).size, nCtx: 1024, threads: 1, gpu: false });
	return page.evaluate(
		async ({ file, jobs, maxTokens, load }) => {
			const url = '/wllama/index.js';
			const { Wllama } = (await import(/* @vite-ignore */ url)) as typeof import('@wllama/wllama');
			const quiet = { debug() {}, log() {}, warn() {}, error: console.error };
			const t0 = performance.now();
			const w = new Wllama({ default: '/wllama/wasm/wllama.wasm' }, { logger: quiet });
			w.setCompat(null);
			const blob = await (await fetch(`/models/${file}`)).blob();
			await w.loadModel([blob], load);
			if (w.getLoadedContextInfo().n_vocab === 0) throw new Error(`llama.cpp could not load ${file}`);
			const loadMs = performance.now() - t0;
			const done: { text: string; tokens: number; ms: number }[] = [];
			for (const j of jobs) {
				const s = performance.now();
				const r = await w.createCompletion({
					prompt: j.prompt,
					max_tokens: maxTokens,
					temperature: j.temperature,
					top_p: 1,
					top_k: 0,
					min_p: 0,
					typical_p: 1,
					penalty_repeat: 1,
					penalty_freq: 0,
					penalty_present: 0,
					seed: j.seed
				});
				done.push({ text: r.choices[0]?.text ?? '', tokens: r.usage.completion_tokens, ms: performance.now() - s });
			}
			await w.exit();
			return { done, engine: `wllama 3.13.0 (llama.cpp ${Wllama.getLibllamaVersion()}), WASM CPU, 1 thread, KV cache ${load.cache_type_k ?? 'f16'}`, browser: navigator.userAgent, loadMs };
		},
		{ file, jobs, maxTokens, load }
	);
}

async function main(): Promise<void> {
	const started = performance.now();
	const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as Manifest;
	const template = manifest.prompt.template;
	const promptOf = (p: Problem): string => template.replace('{question}', p.question);
	const seed = 7;
	const problems: Problem[] = generateProblems({ family: 'offline', seed, count: QUICK ? 4 : SIZE.problems });
	const study: StudyConfig = {
		id: FULL ? 'demo-full-tiny-iterative-sft' : 'demo-tiny-iterative-sft',
		name: FULL ? 'Built-in demo, full size: M1, iterative SFT (M2-M5), iterative DPO (D2-D5), alternating (A3-A5)' : 'Built-in demo: a tiny model and four rounds of iterative SFT (M1-M5)',
		seed,
		sampling: { n: QUICK ? 2 : SIZE.n, greedy: true, temperature: 0.8, topP: 1, maxTokens: QUICK ? 40 : 320 },
		prompt: { style: 'raw', form: 'completion', text: template },
		extractor: 'gsm8k-strict',
		problemSet: { source: 'builtin', id: 'offline', seed, count: problems.length },
		reference: manifest.models[0]!.id
	};
	// The default demo is the SFT chain (what the live demo runs); the full-size study sets the variants beside it.
	const everything = [...manifest.models, ...(manifest.variants ?? []).flatMap((v) => v.models)];
	const inStudy = FULL ? everything : manifest.models;
	const models: ModelRef[] = inStudy.map((m, order) => ({ id: m.id, label: m.label, engine: 'builtin', source: m.file, order, chat: false }));
	// Competence: greedy accuracy on a separate in-domain level 1-2 set, the acceptance figure.
	const competenceSet = generateProblems({ family: 'offline', seed: 9001, count: QUICK ? 4 : 100, split: 'in-domain', levels: [1, 2] });

	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
	const page = await browser.newPage();
	await openPage(page);
	const samples: Sample[] = [];
	const competence: Record<string, { correct: number; total: number; accuracy: number }> = {};
	let engine = '';
	let userAgent = '';
	let demoMs = 0;
	let demoTokens = 0;
	for (const m of inStudy) {
		const jobs: Job[] = [];
		const keys: { problem: Problem; index: number; seed: number }[] = [];
		for (const p of problems) {
			for (const index of [GREEDY_INDEX, ...Array.from({ length: study.sampling.n }, (_, i) => i)]) {
				const s = sampleSeed(seed, m.id, p.id, index);
				jobs.push({ prompt: promptOf(p), temperature: index === GREEDY_INDEX ? 0 : study.sampling.temperature, seed: s });
				keys.push({ problem: p, index, seed: s });
			}
		}
		const t0 = performance.now();
		const run = await runModel(page, m.file, jobs, study.sampling.maxTokens);
		demoMs += performance.now() - t0;
		engine = run.engine;
		userAgent = run.browser;
		run.done.forEach((d, i) => {
			const k = keys[i]!;
			const g = grade(d.text, k.problem, study.extractor);
			demoTokens += d.tokens;
			samples.push({ model: m.id, problem: k.problem.id, index: k.index, seed: k.seed, text: d.text, answer: g.answer, correct: g.correct, tokens: d.tokens, ms: Math.round(d.ms * 10) / 10 });
		});
		console.log(`${m.id}: demo ${run.done.length} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${run.loadMs.toFixed(0)} ms)`);
	}
	if (!FULL)
		for (const m of everything) {
			const comp = await runModel(page, m.file, competenceSet.map((p) => ({ prompt: promptOf(p), temperature: 0, seed: 1 })), study.sampling.maxTokens);
			const correct = comp.done.filter((d, i) => grade(d.text, competenceSet[i]!, 'gsm8k-strict').correct).length;
			competence[m.id] = { correct, total: competenceSet.length, accuracy: correct / competenceSet.length };
			console.log(`${m.id}: competence (in-domain levels 1-2, greedy) ${correct}/${competenceSet.length}`);
		}
	await browser.close();
	const bundle: Bundle = {
		format: 'reversal-lab/bundle',
		version: 1,
		study,
		problems,
		models,
		samples,
		environment: { app: 'reversal-lab 0.1.0 (tools/train/demoBundle.ts)', engine, browser: userAgent },
		createdAt: new Date().toISOString()
	};
	const checked = parseBundle(JSON.parse(JSON.stringify(bundle)));
	if (!checked.ok) throw new Error(`the demo bundle is not valid: ${JSON.stringify(checked).slice(0, 500)}`);
	if (QUICK) {
		console.log(JSON.stringify({ competence, samples: samples.slice(0, 3) }, null, 1));
		return;
	}
	mkdirSync('static/demo', { recursive: true });
	writeFileSync(`static/demo/${SIZE.file}`, JSON.stringify(bundle) + '\n');
	manifest[SIZE.key] = {
		bundle: `static/demo/${SIZE.file}`,
		problems: problems.length,
		samplesPerModel: study.sampling.n + 1,
		seconds: Math.round(demoMs / 100) / 10,
		tokens: demoTokens,
		tokensPerSecond: Math.round(demoTokens / (demoMs / 1000))
	};
	if (!FULL) manifest.competence = {
		measure: 'greedy accuracy, strict #### answer, on 100 in-domain level 1-2 problems (generateProblems({ family: offline, seed: 9001, count: 100, split: in-domain, levels: [1, 2] }))',
		engine,
		browser: userAgent,
		models: competence
	};
	writeFileSync(join(MODELS, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	console.log(`demo: ${samples.length} samples, ${demoTokens} tokens in ${(demoMs / 1000).toFixed(1)} s (${(demoTokens / (demoMs / 1000)).toFixed(0)} tokens/s); total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

void main();
