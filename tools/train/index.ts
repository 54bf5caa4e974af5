// `npm run models:train`: trains the built-in tiny family (M1, then iterative SFT, iterative DPO
// and alternating chains: the paper's Algorithm 1 and its variants) and writes static/models/*.gguf
// and static/models/manifest.json.
// Deterministic: seeded data order and sampling, weights rounded to float32 each step, and the same
// bytes on one thread or two.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { generateProblems } from '../../src/lib/core/problems';
import { layoutOf } from '../../src/lib/train/config';
import { PROMPT_TEMPLATE, VOCAB } from '../../src/lib/train/data';
import { RUN } from './run';
import { trainChain, type ChainPlan } from './chain';
import { llamaPoolSampler, openLlamaPage } from './llamaPage';
import { replayMain } from './replay';
import { trainM1 } from './m1';
import { createThreadHelper } from './threads/threadHelper';

// TRAIN_SMOKE=1 runs the whole pipeline at toy scale into a temporary folder (a quick check).
const SMOKE = process.env.TRAIN_SMOKE === '1';
const OUT = SMOKE ? '/tmp/reversal-lab-train-smoke' : 'static/models';
const CACHE = SMOKE ? '/tmp/reversal-lab-train-smoke/.cache' : 'tools/train/.cache';
if (SMOKE) {
	RUN.m1.train.steps = 20;
	RUN.m1.stopAt = 20;
	for (const src of RUN.m1.sources) src.count = 100;
	RUN.pool.count = 5;
	RUN.sft.train.steps = 5;
	RUN.dpo.train.steps = 3;
	RUN.evalProblems = 5;
	RUN.sampling.maxTokens = 40;
}
const resume = process.argv.includes('--resume');
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : undefined;
if (ONLY && (!resume || ONLY.some((c) => !['sft', 'dpo', 'alt'].includes(c)))) throw new Error('--only takes sft, dpo and/or alt (comma-separated) and needs --resume');
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
	const started = performance.now();
	mkdirSync(OUT, { recursive: true });
	mkdirSync(CACHE, { recursive: true });
	const c = RUN.model;
	const gold = RUN.m1.sources.flatMap((o) => generateProblems(o));
	// A small held-out check through the trainer's forward pass; the family's real figures come from wllama.
	const probe = generateProblems({ family: 'word', seed: RUN.seeds.heldOut, count: RUN.evalProblems, split: 'in-domain', levels: RUN.m1.levels });
	const pool = generateProblems(RUN.pool);
	// The second core computes the tail of each batch; the trained bytes are the same with TRAIN_THREADS=1.
	const helper = Number(process.env.TRAIN_THREADS ?? Math.min(2, availableParallelism())) >= 2 ? createThreadHelper(c, Math.max(RUN.m1.train.batch, RUN.sft.train.batch, 2 * RUN.dpo.train.batch)) : null;
	const where = { out: OUT, cache: CACHE, resume, log, helper };
	const m1 = trainM1(c, gold, probe, { initSeed: RUN.seeds.init, train: { ...RUN.m1.train, seed: RUN.seeds.order }, stopAt: RUN.m1.stopAt, checkpointEvery: RUN.m1.checkpointEvery, maxTokens: RUN.sampling.maxTokens }, where);
	// Pools are sampled on two pages (two cores) when there are two; the samples are the same on one.
	const pages = await Promise.all(Array.from({ length: helper ? 2 : 1 }, () => openLlamaPage()));
	const sampler = llamaPoolSampler(pages, c);
	// Every round, in the main chain and in the variants, samples and trains with the same settings and seeds.
	const recipes = { sft: { sampling: RUN.sampling, round: RUN.sft }, dpo: { sampling: RUN.sampling, round: RUN.dpo } };
	const chain = (start: Float64Array, plan: ChainPlan) => trainChain(c, start, pool, probe, plan, recipes, sampler, where);
	const timed = async <T,>(f: () => Promise<T>): Promise<[T, number]> => {
		const t0 = performance.now();
		const out = await f();
		return [out, Math.round((performance.now() - t0) / 1000)];
	};
	// --only sft|dpo|alt (comma-separated, with --resume) trains some chains in this process so that
	// independent chains can run side by side; a final --resume run reads them all back and writes the manifest.
	const want = (id: 'sft' | 'dpo' | 'alt'): boolean => !ONLY || ONLY.includes(id);
	const sftRounds = want('sft') || want('alt') ? await chain(m1.weights, { prefix: 'tiny-m', labelPrefix: 'M', startIteration: 1, startLabel: 'M1', startId: 'tiny-m1', kinds: ['sft', 'sft', 'sft', 'sft'], description: 'iterative SFT' }) : undefined;
	// The variants: iterative DPO from M1, and DPO and SFT rounds in turn from M2 (itself the SFT round from M1).
	const [dpo, dpoSeconds] = want('dpo') ? await timed(() => chain(m1.weights, { prefix: 'tiny-dpo-m', labelPrefix: 'D', startIteration: 1, startLabel: 'M1', startId: 'tiny-m1', kinds: ['dpo', 'dpo', 'dpo', 'dpo'], description: 'iterative DPO from M1' })) : [undefined, 0];
	const [alt, altSeconds] = want('alt') ? await timed(() => chain(sftRounds!.weights[0]!, { prefix: 'tiny-alt-m', labelPrefix: 'A', startIteration: 2, startLabel: 'M2', startId: 'tiny-m2', kinds: ['dpo', 'sft', 'dpo'], description: 'alternating DPO and SFT from M2' })) : [undefined, 0];
	await Promise.all(pages.map((p) => p.close()));
	await helper?.close();
	if (!sftRounds || !dpo || !alt) {
		log(`--only ${ONLY!.join(',')}: done; run with --resume alone to write the manifest`);
		return;
	}
	const entries = [m1.entry, ...sftRounds.entries];
	const dpoEntries = dpo.entries;
	const altEntries = alt.entries;
	const manifestPath = join(OUT, 'manifest.json');
	// Figures measured elsewhere (demoBundle.ts, the parity test) belong to the exact files they were
	// measured on: they stay only when this run rebuilt every file bit for bit.
	const before = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { models?: { sha256: string }[]; variants?: { models: { sha256: string }[] }[]; training?: { timing?: string; reproducibility?: string }; competence?: unknown; demo?: unknown; demoFull?: unknown; parity?: unknown }) : {};
	const files = [...entries, ...dpoEntries, ...altEntries];
	const beforeFiles = [...(before.models ?? []), ...(before.variants ?? []).flatMap((v) => v.models)];
	const sameFiles = beforeFiles.length === files.length && files.every((e, i) => beforeFiles[i]?.sha256 === e.sha256);
	const previous = sameFiles ? before : {};
	const manifest = {
		format: 'reversal-lab/models',
		version: 1,
		family: 'tiny-iterative-sft',
		description: 'A character-level llama model trained by this project on built-in word problems (levels 1-3) and bare arithmetic (levels 2-3), then improved by iterative SFT on its own correct samples (Wu, Li, Liu, ICLR 2025, Algorithm 1), with iterative DPO and alternating variants.',
		prompt: { template: PROMPT_TEMPLATE, stop: '<|endoftext|>', extractor: 'gsm8k-strict' },
		architecture: {
			type: 'llama',
			...c,
			kvHeads: c.heads,
			tokenizer: `gpt2 character vocabulary, ${VOCAB.size} tokens (newline, printable ASCII, <|endoftext|>)`,
			tensorType: 'F32',
			tiedOutput: false,
			parameters: layoutOf(c).size
		},
		training: {
			method: `M1: supervised training from random weights on gold solutions of ${RUN.m1.sources.map((o) => `${o.count} ${o.family === 'word' ? 'word problems' : 'bare arithmetic problems'} (levels ${o.levels![0]}-${o.levels!.at(-1)})`).join(' and ')}, each calculator step rewritten as digit-column work (src/lib/train/digits.ts), the first ${RUN.m1.stopAt} steps of a ${RUN.m1.train.steps}-step cosine schedule; M(t), t = 2..5: sample ${RUN.sampling.n} solutions per pool problem from M(t-1) through llama.cpp at T = ${RUN.sampling.temperature}, keep the ones with the right strict #### answer that ended by themselves, continue training M(t-1) on them (src/lib/train/round.ts). Rounds see word problems only: bare arithmetic is the out-of-domain split.`,
			trainer: `tools/train (hand-written reverse-mode training in TypeScript, float64 arithmetic, float32 weights), Node ${process.version}, ${helper ? 'two threads (the same bytes as one: src/lib/train/sequenceTrace.ts)' : 'one thread'}`,
			run: RUN,
			problems: { m1: RUN.m1.sources.map((o) => `generateProblems(${JSON.stringify(o)})`), selfImprovement: `generateProblems(${JSON.stringify(RUN.pool)})`, heldOut: `generateProblems({ family: 'word', seed: ${RUN.seeds.heldOut}, count: ${RUN.evalProblems}, split: 'in-domain', levels: ${JSON.stringify(RUN.m1.levels)} })` },
			// A resumed run's wall clock says nothing about the family's cost; notes on timing and
			// reproducibility written for these exact files are kept.
			seconds: resume ? null : Math.round((performance.now() - started) / 1000),
			...(sameFiles ? { timing: before.training?.timing, reproducibility: before.training?.reproducibility } : {})
		},
		models: entries,
		variants: [
			{
				id: 'iterative-dpo',
				label: 'Iterative DPO from M1',
				method: `D(t), t = 2..${RUN.iterations}: sample ${RUN.sampling.n} solutions per pool problem from D(t-1) (D1 = M1) at T = ${RUN.sampling.temperature}, pair up to ${RUN.dpo.pairsPerProblem} correct with incorrect samples of the same problem, train by DPO (beta ${RUN.dpo.beta}, NLL ${RUN.dpo.nll}) with D(t-1) as the frozen reference.`,
				seconds: dpoSeconds,
				models: dpoEntries
			},
			{
				id: 'alternating',
				label: 'Alternating DPO and SFT from M2',
				method: 'A3 = DPO round from M2, A4 = SFT round from A3, A5 = DPO round from A4 (M2 is the SFT round from M1, so the chain alternates SFT and DPO from M1); rounds as in the SFT and DPO chains.',
				seconds: altSeconds,
				models: altEntries
			}
		],
		competence: previous.competence ?? null,
		demo: previous.demo ?? null,
		demoFull: previous.demoFull ?? null,
		parity: previous.parity ?? null
	};
	writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	log(`wrote ${files.length} models and ${manifestPath} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv.includes('--replay')) void replayMain(process.argv.slice(process.argv.indexOf('--replay') + 1));
else void main();
