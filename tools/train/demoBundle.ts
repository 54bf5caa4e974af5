// Runs the shipped tiny family through llama.cpp (wllama, WASM, one thread) in headless Chromium
// and writes static/demo/demo-bundle.json (the finished demo study) and the measured competence
// into static/models/manifest.json. Usage: npx tsx tools/train/demoBundle.ts
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { offlinePresetProblems } from '../../src/lib/core/problems';
import { parseBundle } from '../../src/lib/core/study';
import type { Bundle, ModelRef, Problem, Sample, StudyConfig } from '../../src/lib/core/types';
import { evaluateModel, greedyCorrect } from './evaluate';
import { openLlamaPage } from './llamaPage';
import { DEMO_SIZES, demoProblems } from '../../src/lib/core/problems';
import { DEMO_STUDY } from './demoSet';

// DEMO_MODELS and DEMO_QUICK=1 (4 problems, n = 2, no files written) exist to check the script itself.
// One run writes both studies: the full size (200 problems x every model; the sweep's cell 1) and the
// page's default demo, its first 40 problems x M1-M5 (the same samples: seeds depend only on model,
// problem and index), so the two can never disagree.
const MODELS = process.env.DEMO_MODELS ?? 'static/models';
const QUICK = process.env.DEMO_QUICK === '1';

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
	if (template !== DEMO_STUDY.prompt.text) throw new Error('the manifest\'s prompt template is not the trainer\'s PROMPT_TEMPLATE');
	const problems: Problem[] = demoProblems(QUICK ? 4 : DEMO_SIZES.full);
	const study: StudyConfig = {
		...DEMO_STUDY,
		id: 'demo-full-tiny-iterative-sft',
		name: 'Built-in demo, full size: M1, iterative SFT (M2-M5), iterative DPO (D2-D5), alternating (A3-A5)',
		...(QUICK ? { sampling: { ...DEMO_STUDY.sampling, n: 2, maxTokens: 40 } } : {}),
		problemSet: { source: 'builtin', id: 'tiny', seed: DEMO_STUDY.seed, count: problems.length },
		reference: manifest.models[0]!.id
	};
	// The default demo is the SFT chain (what the live demo runs); the full-size study sets the variants beside it.
	const everything = [...manifest.models, ...(manifest.variants ?? []).flatMap((v) => v.models)];
	const inStudy = everything;
	const models: ModelRef[] = inStudy.map((m, order) => ({ id: m.id, label: m.label, engine: 'builtin', source: m.file, order, chat: false }));
	// Competence: greedy accuracy on another draw of the demo's own kind of problems (seed 9001).
	const competenceSet = offlinePresetProblems('tiny', QUICK ? 4 : 100, 9001);

	// Models are evaluated on PAGES llama.cpp pages at once (each one thread); a model's samples depend
	// only on its file, the problems and the seeds, so the bundle is the same whatever PAGES is.
	const PAGES = Math.max(1, Number(process.env.PAGES ?? 2));
	const pages = await Promise.all(Array.from({ length: PAGES }, () => openLlamaPage()));
	const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(MODELS, file)));
	const perModel = new Map<string, Sample[]>();
	const competence: Record<string, { correct: number; total: number; accuracy: number }> = {};
	let engine = '';
	let userAgent = '';
	let demoTokens = 0;
	const queue = <T,>(items: readonly T[], work: (page: (typeof pages)[number], item: T) => Promise<void>): Promise<void[]> => {
		let next = 0;
		return Promise.all(pages.map(async (page) => {
			while (next < items.length) await work(page, items[next++]!);
		}));
	};
	const wall0 = performance.now();
	await queue(inStudy, async (page, m) => {
		const t0 = performance.now();
		const run = await evaluateModel(page, bytesOf(m.file), m.id, problems, study);
		demoTokens += run.tokens;
		engine = run.engine;
		userAgent = run.browser;
		perModel.set(m.id, run.samples);
		console.log(`${m.id}: demo ${run.samples.length} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	});
	const demoMs = performance.now() - wall0;
	const samples = inStudy.flatMap((m) => perModel.get(m.id)!);
	await queue(everything, async (page, m) => {
			const correct = await greedyCorrect(page, bytesOf(m.file), competenceSet, template, study.sampling.maxTokens);
			competence[m.id] = { correct, total: competenceSet.length, accuracy: correct / competenceSet.length };
			console.log(`${m.id}: competence (the tiny preset, seed 9001, greedy) ${correct}/${competenceSet.length}`);
		});
	await Promise.all(pages.map((p) => p.close()));
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
	writeFileSync('static/demo/demo-full-bundle.json', JSON.stringify(bundle) + '\n');
	manifest.demoFull = {
		bundle: 'static/demo/demo-full-bundle.json',
		problems: problems.length,
		samplesPerModel: study.sampling.n + 1,
		/** Wall clock with `pages` llama.cpp pages (one thread each) at once. */
		seconds: Math.round(demoMs / 100) / 10,
		pages: PAGES,
		tokens: demoTokens,
		tokensPerSecond: Math.round(demoTokens / (demoMs / 1000))
	};
	const small = new Set(demoProblems(DEMO_SIZES.demo).map((p) => p.id));
	const chain = new Set(manifest.models.map((m) => m.id));
	const demo: Bundle = {
		...bundle,
		study: { ...study, id: 'demo-tiny-iterative-sft', name: 'Built-in demo: a tiny model and four rounds of iterative SFT (M1-M5)', problemSet: { ...study.problemSet, count: small.size } },
		problems: problems.filter((p) => small.has(p.id)),
		models: models.filter((m) => chain.has(m.id)),
		samples: samples.filter((x) => small.has(x.problem) && chain.has(x.model))
	};
	if (!parseBundle(JSON.parse(JSON.stringify(demo))).ok || demo.problems.length !== DEMO_SIZES.demo) throw new Error('the default demo is not a valid subset of the full study');
	writeFileSync('static/demo/demo-bundle.json', JSON.stringify(demo) + '\n');
	manifest.demo = { bundle: 'static/demo/demo-bundle.json', problems: demo.problems.length, samplesPerModel: study.sampling.n + 1, subsetOf: 'static/demo/demo-full-bundle.json', tokens: demo.samples.reduce((a, x) => a + x.tokens, 0) };
	manifest.competence = {
		measure: "greedy accuracy, strict #### answer, on 100 problems of the demo's kind (offlinePresetProblems('tiny', 100, 9001): 3 word problems in-domain to 1 bare arithmetic out-of-domain)",
		engine,
		browser: userAgent,
		models: competence
	};
	writeFileSync(join(MODELS, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	console.log(`demo: ${samples.length} samples, ${demoTokens} tokens in ${(demoMs / 1000).toFixed(1)} s (${(demoTokens / (demoMs / 1000)).toFixed(0)} tokens/s); total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

void main();
