// Runs the shipped tiny family through llama.cpp (wllama, WASM, one thread) in headless Chromium
// and writes static/demo/demo-bundle.json (the finished demo study) and the measured competence
// into static/models/manifest.json. Usage: npx tsx tools/train/demoBundle.ts
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateProblems } from '../../src/lib/core/problems';
import { parseBundle } from '../../src/lib/core/study';
import type { Bundle, ModelRef, Problem, Sample, StudyConfig } from '../../src/lib/core/types';
import { evaluateModel, greedyCorrect } from './evaluate';
import { openLlamaPage } from './llamaPage';

// DEMO_MODELS and DEMO_QUICK=1 (4 problems, n = 2, no files written) exist to check the script itself.
// DEMO_SIZE=full writes the full-size study (60 problems, greedy + 16) instead of the default demo.
const MODELS = process.env.DEMO_MODELS ?? 'static/models';
const QUICK = process.env.DEMO_QUICK === '1';
const FULL = process.env.DEMO_SIZE === 'full';
const SIZE = FULL ? { problems: 60, n: 16, file: 'demo-full-bundle.json', key: 'demoFull' } : { problems: 40, n: 8, file: 'demo-bundle.json', key: 'demo' };

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

async function main(): Promise<void> {
	const started = performance.now();
	const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as Manifest;
	const template = manifest.prompt.template;
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

	const page = await openLlamaPage();
	const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(MODELS, file)));
	const samples: Sample[] = [];
	const competence: Record<string, { correct: number; total: number; accuracy: number }> = {};
	let engine = '';
	let userAgent = '';
	let demoMs = 0;
	let demoTokens = 0;
	for (const m of inStudy) {
		const t0 = performance.now();
		const run = await evaluateModel(page, bytesOf(m.file), m.id, problems, study);
		demoMs += run.ms;
		demoTokens += run.tokens;
		engine = run.engine;
		userAgent = run.browser;
		samples.push(...run.samples);
		console.log(`${m.id}: demo ${run.samples.length} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	}
	if (!FULL)
		for (const m of everything) {
			const correct = await greedyCorrect(page, bytesOf(m.file), competenceSet, template, study.sampling.maxTokens);
			competence[m.id] = { correct, total: competenceSet.length, accuracy: correct / competenceSet.length };
			console.log(`${m.id}: competence (in-domain levels 1-2, greedy) ${correct}/${competenceSet.length}`);
		}
	await page.close();
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
