// A study's samples of one model through llama.cpp (llamaPage.ts): greedy plus n samples per problem,
// each with the app's derived seed, graded as the app grades them. What the demo bundles and the
// sweep's cells are made of.
import { grade } from '../../src/lib/core/grading';
import { sampleSeed } from '../../src/lib/core/random';
import { GREEDY_INDEX, type Problem, type Sample, type StudyConfig } from '../../src/lib/core/types';
import type { LlamaPage } from './llamaPage';

export async function evaluateModel(
	page: LlamaPage, gguf: Uint8Array, modelId: string, problems: readonly Problem[], study: Pick<StudyConfig, 'seed' | 'sampling' | 'extractor' | 'prompt'>
): Promise<{ samples: Sample[]; tokens: number; ms: number; engine: string; browser: string }> {
	const jobs: { prompt: string; temperature: number; seed: number }[] = [];
	const keys: { problem: Problem; index: number; seed: number }[] = [];
	const indices = [...(study.sampling.greedy ? [GREEDY_INDEX] : []), ...Array.from({ length: study.sampling.n }, (_, i) => i)];
	for (const p of problems) {
		for (const index of indices) {
			const seed = sampleSeed(study.seed, modelId, p.id, index);
			jobs.push({ prompt: study.prompt.text.replace('{question}', p.question), temperature: index === GREEDY_INDEX ? 0 : study.sampling.temperature, seed });
			keys.push({ problem: p, index, seed });
		}
	}
	const t0 = performance.now();
	const run = await page.run(gguf, jobs, study.sampling.maxTokens);
	const ms = performance.now() - t0;
	let tokens = 0;
	const samples = run.done.map((d, i): Sample => {
		const k = keys[i]!;
		const g = grade(d.text, k.problem, study.extractor);
		tokens += d.tokens;
		return { model: modelId, problem: k.problem.id, index: k.index, seed: k.seed, text: d.text, answer: g.answer, correct: g.correct, tokens: d.tokens, ms: Math.round(d.ms * 10) / 10 };
	});
	return { samples, tokens, ms, engine: run.engine, browser: run.browser };
}

/** How many of `problems` the model answers right greedily (strict `####`): M1's calibration, the family's competence. */
export async function greedyCorrect(page: LlamaPage, gguf: Uint8Array, problems: readonly Problem[], template: string, maxTokens: number): Promise<number> {
	const { done } = await page.run(gguf, problems.map((p) => ({ prompt: template.replace('{question}', p.question), temperature: 0, seed: 1 })), maxTokens);
	return done.filter((d, i) => grade(d.text, problems[i]!, 'gsm8k-strict').correct).length;
}
