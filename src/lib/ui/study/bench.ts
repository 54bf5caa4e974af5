// Throughput measurements in the browser, driven by tools/bench-runner.ts: the runner against a
// bare loop of engine calls issuing the very same requests, and prompt-prefix reuse on and off.
import type { ModelRef, Problem } from '$lib/core/types';
import type { StoredStudy } from '$lib/runner/types';
import { generateProblems, makeTemplate, pickExemplars, renderPrompt } from '$lib/core/problems';
import { planTasks } from '$lib/runner/plan';
import { requestFor } from '$lib/runner/requestFor';

export interface BenchParams {
	modelUrl: string;
	problems: number;
	n: number;
	maxTokens: number;
	/** 'short' = the built-in models' "Q: ... A: " prompt; 'fewshot' = a 4-shot completion prompt. */
	prompt: 'short' | 'fewshot';
	mode: 'bare' | 'bare-nocache' | 'runner';
}

export interface BenchResult {
	mode: BenchParams['mode'];
	samples: number;
	tokens: number;
	/** Wall time from the start of the model load to the last sample. */
	seconds: number;
	/** Wall time from the start to the first sample (model load included). */
	firstSampleSeconds: number;
	samplesPerSecond: number;
	tokensPerSecond: number;
	engine: string;
}

export function benchStudy(p: BenchParams): StoredStudy {
	const pool = generateProblems({ seed: 99, count: 40, split: 'in-domain' });
	const problems: Problem[] = generateProblems({ seed: 7, count: p.problems });
	const template =
		p.prompt === 'short' ? { style: 'raw' as const, form: 'completion' as const, text: 'Q: {question}\nA: ' } : makeTemplate({ style: 'few-shot-cot', form: 'completion', shots: 4 });
	const model: ModelRef = { id: 'bench', label: 'bench model', engine: 'wllama', source: p.modelUrl, order: 0 };
	const id = `bench-${crypto.randomUUID()}`;
	const now = new Date().toISOString();
	return {
		id,
		study: {
			id,
			name: `bench ${p.mode}`,
			seed: 1,
			sampling: { n: p.n, greedy: false, temperature: 0.8, topP: 0.95, maxTokens: p.maxTokens },
			prompt: template,
			extractor: 'gsm8k-strict',
			problemSet: { source: 'builtin', id: 'offline', seed: 7, count: p.problems }
		},
		problems,
		models: [model],
		exemplars: p.prompt === 'fewshot' ? pickExemplars(pool, problems, 4, 1) : [],
		status: 'new',
		createdAt: now,
		updatedAt: now
	};
}

async function bare(stored: StoredStudy, cachePrompt: boolean): Promise<BenchResult> {
	const { createWllamaEngine } = await import('$lib/engines/wllama');
	const engine = createWllamaEngine({ cachePrompt });
	const t0 = performance.now();
	const signal = new AbortController().signal;
	const model = stored.models[0] as ModelRef;
	await engine.load(model, () => {}, signal, {});
	const prompts = new Map(stored.problems.map((p) => [p.id, renderPrompt(stored.study.prompt, p, stored.exemplars)]));
	let tokens = 0;
	let first = 0;
	const tasks = planTasks(stored.study.seed, stored.models, stored.problems, stored.study.sampling);
	for (const task of tasks) {
		tokens += (await engine.complete(requestFor(task, stored.study, prompts.get(task.problem) ?? ''), signal)).tokens;
		first ||= performance.now() - t0;
	}
	const seconds = (performance.now() - t0) / 1000;
	const info = await engine.info();
	engine.terminate();
	return { mode: cachePrompt ? 'bare' : 'bare-nocache', samples: tasks.length, tokens, seconds, firstSampleSeconds: first / 1000, samplesPerSecond: tasks.length / seconds, tokensPerSecond: tokens / seconds, engine: info.name };
}

async function viaRunner(stored: StoredStudy): Promise<BenchResult> {
	const { runnerClient } = await import('$lib/runner/client');
	const { api, Comlink } = await runnerClient();
	await api.createStudy(stored);
	let tokens = 0;
	let first = 0;
	const t0 = performance.now();
	await api.start(stored.id, { baseUrl: location.href, app: 'bench' }, Comlink.proxy((e) => {
		if (e.type !== 'samples') return;
		first ||= performance.now() - t0;
		for (const s of e.samples) tokens += s.tokens;
	}));
	const seconds = (performance.now() - t0) / 1000;
	const bundle = await api.bundle(stored.id);
	await api.deleteStudy(stored.id);
	const samples = bundle.samples.length;
	return { mode: 'runner', samples, tokens, seconds, firstSampleSeconds: first / 1000, samplesPerSecond: samples / seconds, tokensPerSecond: tokens / seconds, engine: bundle.environment.engine };
}

export function runBench(p: BenchParams): Promise<BenchResult> {
	const stored = benchStudy(p);
	return p.mode === 'runner' ? viaRunner(stored) : bare(stored, p.mode === 'bare');
}
