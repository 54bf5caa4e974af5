// Sweep 2, declared in the README ("Sweep 2"), run in phases so each can be checked as it lands:
//   npx tsx tools/train/sweep.ts calibrate   rules 1 and 2 on the M1 checkpoints
//   npx tsx tools/train/sweep.ts cell <1-4>  four SFT rounds of that cell, every model on the demo set
//   npx tsx tools/train/sweep.ts table       every cell's figures, per iteration, as the README's table
//   npx tsx tools/train/sweep.ts family      the shipped family's figures (the full demo bundle), likewise
// M1's checkpoints are models:train's own (tools/train/.cache/m1-step<N>.gguf, see m1.ts); the sweep's
// files go to tools/train/.sweep2 (not committed): choice.json, cell<k>.json bundles. Sweep 1 ran
// with this script at commit f3e1bcf.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generateProblems, TINY_LEVELS } from '../../src/lib/core/problems';
import type { Bundle, ModelRef, Problem } from '../../src/lib/core/types';
import { PROMPT_TEMPLATE } from '../../src/lib/train/data';
import { fromGguf, toGguf } from '../../src/lib/train/gguf';
import type { RoundSettings } from '../../src/lib/train/round';
import { trainChain, type ChainPlan } from './chain';
import { evaluateModel, greedyCorrect } from './evaluate';
import { llamaPoolSampler, openLlamaPage, type LlamaPage } from './llamaPage';
import { RUN } from './run';
import { DEMO_SIZES, demoProblems } from '../../src/lib/core/problems';
import { DEMO_STUDY } from './demoSet';

// SWEEP_SMOKE=1 runs a cell at toy scale into /tmp (a check of the script before an hour of compute).
const SMOKE = process.env.SWEEP_SMOKE === '1';
const M1 = RUN.m1;
const DIR = SMOKE ? '/tmp/reversal-lab-sweep-smoke' : 'tools/train/.sweep2';
const CHECKPOINTS = 'tools/train/.cache';
const CHOICE = join(DIR, 'choice.json');
const c = RUN.model;

interface Choice {
	m1Step: number;
	checkpoints: Record<string, number>;
	/** Greedy accuracy of the chosen M1 per calibration cell ('word-L1', 'arith-L2', ...). */
	cells: Record<string, { correct: number; total: number }>;
	levels: { inDomain: number[]; ood: number[] };
}

const CELLS: Record<string, { name: string; round: RoundSettings; start: 'previous' | 'first' }> = {
	1: { name: 'paper', round: RUN.sft, start: 'previous' },
	2: { name: 'restart-lr', round: { ...RUN.sft, train: { ...RUN.sft.train, lr: 1e-3 } }, start: 'previous' },
	3: { name: 'checked-steps', round: { ...RUN.sft, filter: 'steps' }, start: 'previous' },
	4: { name: 'from-M1', round: RUN.sft, start: 'first' }
};

const greedyTally = (page: LlamaPage, gguf: Uint8Array, problems: readonly Problem[]): Promise<number> => greedyCorrect(page, gguf, problems, PROMPT_TEMPLATE, 320);

async function calibrate(): Promise<void> {
	const page = await openLlamaPage();
	const steps = readdirSync(CHECKPOINTS).map((f) => /^m1-step(\d+)\.gguf$/.exec(f)?.[1]).filter((s): s is string => !!s).map(Number).sort((a, b) => a - b);
	const calibration = generateProblems({ family: 'word', seed: 4242, count: 150, split: 'in-domain', levels: M1.levels });
	const prior: Partial<Choice> = existsSync(CHOICE) ? JSON.parse(readFileSync(CHOICE, 'utf8')) : {};
	const checkpoints: Record<string, number> = prior.checkpoints ?? {};
	let m1Step: number | undefined;
	for (const step of steps) {
		checkpoints[step] ??= (await greedyTally(page, readFileSync(join(CHECKPOINTS, `m1-step${step}.gguf`)), calibration)) / calibration.length;
		console.log(`rule 1: checkpoint ${step}: greedy pass@1 ${checkpoints[step]!.toFixed(3)} on ${calibration.length} calibration problems`);
		if (checkpoints[step]! >= 0.4) {
			m1Step = step;
			break;
		}
	}
	const last = steps.at(-1);
	if (m1Step === undefined && last !== M1.train.steps) {
		writeFileSync(CHOICE, JSON.stringify({ checkpoints }, null, '\t'));
		console.log('rule 1: no checkpoint reaches 0.4 yet; run again when the next one is written');
		return page.close();
	}
	m1Step ??= last!;
	const gguf = readFileSync(join(CHECKPOINTS, `m1-step${m1Step}.gguf`));
	const cells: Choice['cells'] = {};
	const calibrationSets = calibrationCells();
	for (const [key, ps] of Object.entries(calibrationSets)) cells[key] = { correct: await greedyTally(page, gguf, ps), total: ps.length };
	await page.close();
	reportOverlap('calibration', Object.values(calibrationSets).flat());
	const levels = {
		inDomain: [1, 2, 3].filter((l) => cells[`word-L${l}`]!.correct / 30 >= 0.05),
		ood: [1, 2, 3].filter((l) => cells[`arith-L${l}`]!.correct / 30 >= 0.1)
	};
	writeFileSync(CHOICE, JSON.stringify({ m1Step, checkpoints, cells, levels } satisfies Choice, null, '\t'));
	console.log(`rule 1: M1 = checkpoint ${m1Step}; rule 2: calibration ${JSON.stringify(cells)} -> levels ${JSON.stringify(levels)}`);
}

function calibrationCells(): Record<string, Problem[]> {
	const cells: Record<string, Problem[]> = {};
	for (const [family, tag] of [['word', 'word'], ['arithmetic', 'arith']] as const)
		for (const level of [1, 2, 3]) cells[`${tag}-L${level}`] = generateProblems({ family, seed: 4243, count: 30, split: 'in-domain', levels: [level] });
	return cells;
}

/** How many evaluation questions M1 read in its training data (word problems: a few easy templates repeat). */
function reportOverlap(what: string, problems: readonly Problem[]): void {
	const seen = new Set(M1.sources.flatMap((o) => generateProblems(o)).map((p) => p.question));
	const hits = problems.filter((p) => seen.has(p.question));
	console.log(`overlap: ${hits.length} of ${problems.length} ${what} problems are in M1's training data (${hits.filter((p) => p.split === 'ood').length} out-of-domain)`);
}

function choice(): Choice {
	const ch = JSON.parse(readFileSync(CHOICE, 'utf8')) as Choice;
	if (!ch.levels) throw new Error('run `sweep.ts calibrate` until it chooses M1');
	return ch;
}

/** The demo set is core's 'tiny' preset; its levels must be the ones rule 2 chose. */
function demoSet(ch: Choice): Problem[] {
	const fixed = { inDomain: [...TINY_LEVELS.inDomain], ood: [...TINY_LEVELS.ood] };
	if (!SMOKE && JSON.stringify(fixed) !== JSON.stringify(ch.levels)) throw new Error(`TINY_LEVELS in src/lib/core/problems/presets.ts is ${JSON.stringify(fixed)}, rule 2 chose ${JSON.stringify(ch.levels)}: update it`);
	const problems = demoProblems(SMOKE ? 4 : DEMO_SIZES.full);
	reportOverlap('demo', problems);
	return problems;
}

const study = SMOKE ? { ...DEMO_STUDY, sampling: { ...DEMO_STUDY.sampling, n: 1, maxTokens: 40 } } : DEMO_STUDY;
if (SMOKE) {
	RUN.pool.count = 4;
	RUN.sft.train.steps = 2;
	RUN.sampling.maxTokens = 40;
	RUN.evalProblems = 2;
	mkdirSync(DIR, { recursive: true });
	const step = Math.max(...readdirSync(CHECKPOINTS).map((f) => Number(/^m1-step(\d+)\.gguf$/.exec(f)?.[1] ?? 0)));
	writeFileSync(CHOICE, JSON.stringify({ m1Step: step, checkpoints: {}, cells: {}, levels: { inDomain: [...TINY_LEVELS.inDomain], ood: [...TINY_LEVELS.ood] } }));
}

async function cell(k: string): Promise<void> {
	const spec = CELLS[k];
	if (!spec) throw new Error(`cell should be one of ${Object.keys(CELLS).join(', ')}`);
	const ch = choice();
	const out = join(DIR, `cell${k}`);
	mkdirSync(out, { recursive: true });
	const m1 = fromGguf(new Uint8Array(readFileSync(join(CHECKPOINTS, `m1-step${ch.m1Step}.gguf`)))).weights;
	const pool = generateProblems(RUN.pool);
	const probe = generateProblems({ family: 'word', seed: RUN.seeds.heldOut, count: RUN.evalProblems, split: 'in-domain', levels: M1.levels });
	const page = await openLlamaPage();
	const log = (l: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] cell ${k}: ${l}`);
	// Cells name their models as the shipped chain does, so every cell's round t samples with the same seeds.
	const plan: ChainPlan = { prefix: 'tiny-m', labelPrefix: 'M', startIteration: 1, startLabel: 'M1', startId: 'tiny-m1', kinds: ['sft', 'sft', 'sft', 'sft'], description: `sweep cell ${k} (${spec.name})`, start: spec.start };
	const t0 = performance.now();
	const chain = await trainChain(c, m1, pool, probe, plan, { sft: { sampling: RUN.sampling, round: spec.round }, dpo: { sampling: RUN.sampling, round: RUN.dpo } }, llamaPoolSampler([page], c), { out, cache: out, resume: false, log, noFiles: true });
	const trainSeconds = (performance.now() - t0) / 1000;
	const problems = demoSet(ch);
	const weights = [m1, ...chain.weights];
	const models: ModelRef[] = weights.map((_, i) => ({ id: `m${i + 1}`, label: `M${i + 1}`, engine: 'builtin', source: `sweep cell ${k}`, order: i, chat: false }));
	const samples = [];
	let engine = '', browser = '';
	for (const [i, w] of weights.entries()) {
		const r = await evaluateModel(page, toGguf(c, w, `cell ${k} M${i + 1}`, ''), models[i]!.id, problems, study);
		samples.push(...r.samples);
		engine = r.engine;
		browser = r.browser;
		log(`M${i + 1}: ${r.samples.length} demo samples, ${r.tokens} tokens in ${(r.ms / 1000).toFixed(1)} s`);
	}
	await page.close();
	const bundle: Bundle = {
		format: 'reversal-lab/bundle',
		version: 1,
		study: { ...study, id: `sweep-cell-${k}`, name: `Sweep cell ${k} (${spec.name})`, problemSet: { source: 'builtin', id: 'tiny', seed: DEMO_STUDY.seed, count: problems.length }, reference: 'm1' },
		problems,
		models,
		samples,
		environment: { app: `reversal-lab (tools/train/sweep.ts cell ${k})`, engine, browser },
		createdAt: new Date().toISOString()
	};
	writeFileSync(join(DIR, `cell${k}.json`), JSON.stringify(bundle));
	writeFileSync(join(DIR, `cell${k}-rounds.json`), JSON.stringify({ trainSeconds, rounds: chain.entries.map((e) => ({ label: e.label, round: e.trainingSet.round, training: e.training })) }, null, '\t'));
	log(`done: rounds ${trainSeconds.toFixed(0)} s, bundle ${join(DIR, `cell${k}.json`)}`);
}

/**
 * Every cell is its own bundle. Cell 1 has the shipped SFT chain's weights (models:train runs the same
 * rounds, settings and seeds), but its bundle names the models m1..m5, so its demo samples draw other
 * seeds than the shipped demo bundle's tiny-m1..tiny-m5.
 */
function cellBundle(k: string): { file: string; ids: string[] } {
	return { file: join(DIR, `cell${k}.json`), ids: ['m1', 'm2', 'm3', 'm4', 'm5'] };
}

/** Rules 1 and 2 as the README's tables: each checkpoint's loss and calibration pass@1, M1 per split x level. */
function calibrationTables(ch: Choice): string[] {
	const steps = Object.keys(ch.checkpoints).map(Number).sort((a, b) => a - b);
	const loss = (step: number): string => {
		const f = join(CHECKPOINTS, `m1-step${step}.json`);
		return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as { finalLoss: number }).finalLoss.toFixed(3) : 'n/a';
	};
	const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
	const cell = (key: string): string => {
		const v = ch.cells[key];
		return v ? `${v.correct}/${v.total} (${pct(v.correct / v.total)})` : 'n/a';
	};
	return [
		`| M1 checkpoint (steps of ${M1.train.steps}) | ${steps.join(' | ')} |`,
		`|---|${steps.map(() => '---').join('|')}|`,
		`| training loss (nats/token, last 10% of the steps so far) | ${steps.map(loss).join(' | ')} |`,
		`| greedy pass@1, 150 calibration problems | ${steps.map((s) => pct(ch.checkpoints[s]!)).join(' | ')} |`,
		'',
		`| M1 (step ${ch.m1Step}), greedy, 30 problems a cell | level 1 | level 2 | level 3 |`,
		'|---|---|---|---|',
		`| word problems (in-domain) | ${[1, 2, 3].map((l) => cell(`word-L${l}`)).join(' | ')} |`,
		`| bare arithmetic (out-of-domain) | ${[1, 2, 3].map((l) => cell(`arith-L${l}`)).join(' | ')} |`,
		'',
		`Rule 2 keeps in-domain levels ${JSON.stringify(ch.levels.inDomain)} and out-of-domain levels ${JSON.stringify(ch.levels.ood)}.`,
		''
	];
}

const FIGURES_HEADER = ['| model | pass@1 greedy | pass@8 | in-domain pass@1 | in-domain pass@8 | Distinct-n (correct) | OOD pass@1 | hardest level pass@1 | group disparity | verdict vs M1 |', '|---|---|---|---|---|---|---|---|---|---|'];

/** One README row per model of a bundle, from the CLI's own tidy CSV and verdicts (`npm run report`). */
function figureRows(file: string, models: readonly { id: string; label: string }[], hardest: string, scratch: string): string[] {
	const csvPath = `${scratch}.csv`;
	const jsonPath = `${scratch}.report.json`;
	execFileSync('npx', ['tsx', 'tools/cli.ts', 'report', file, '--csv', csvPath, '--json', jsonPath], { stdio: 'ignore' });
	const verdicts = new Map((JSON.parse(readFileSync(jsonPath, 'utf8')) as { models: { model: string; verdict?: { kind: string } }[] }).models.map((m) => [m.model, m.verdict?.kind]));
	const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
	const get = (model: string, metric: string, subset: string, kk = ''): string => rows.find((r) => r[0] === model && r[1] === metric && r[2] === subset && (r[3] ?? '') === kk)?.[4] ?? '';
	const pct = (v: string): string => (v === '' ? 'n/a' : `${(100 * Number(v)).toFixed(1)}%`);
	const num = (v: string): string => (v === '' ? 'n/a' : Number(v).toFixed(3));
	return models.map(({ id: m, label }, i) => {
		const verdict = verdicts.get(m) ?? (i === 0 ? 'reference' : 'n/a');
		return `| ${label} | ${pct(get(m, 'pass1_greedy', 'all'))} | ${pct(get(m, 'pass@k', 'all', '8'))} | ${pct(get(m, 'pass1_greedy', 'split:in-domain'))} | ${pct(get(m, 'pass@k', 'split:in-domain', '8'))} | ${num(get(m, 'distinct_n', 'correct'))} | ${pct(get(m, 'pass1_greedy', 'split:ood'))} | ${pct(get(m, 'accuracy', hardest))} | ${num(get(m, 'group_disparity', 'all'))} | ${verdict} |`;
	});
}

/** The README's sweep tables: rules 1 and 2, then every cell from its tidy CSV (the CLI's own figures). */
function table(): void {
	const ch = choice();
	console.log(calibrationTables(ch).join('\n'));
	const hardest = `level:${Math.max(...ch.levels.inDomain)}`;
	const lines = [FIGURES_HEADER[0]!.replace('| model |', '| cell | model |'), FIGURES_HEADER[1]!.replace('|---|', '|---|---|')];
	for (const k of Object.keys(CELLS)) {
		const { file, ids } = cellBundle(k);
		const name = `${k} ${CELLS[k]!.name}`;
		if (!existsSync(file)) lines.push(`| ${name} | not run | | | | | | | | | |`);
		else lines.push(...figureRows(file, ids.map((id, i) => ({ id, label: `M${i + 1}` })), hardest, join(DIR, `cell${k}`)).map((row) => `| ${name} ${row}`));
	}
	console.log(lines.join('\n'));
}

/** The README's table of the shipped family: every model of the full demo bundle (demoBundle.ts). */
function family(): void {
	const file = 'static/demo/demo-full-bundle.json';
	const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
	const hardest = `level:${Math.max(...TINY_LEVELS.inDomain)}`;
	console.log([...FIGURES_HEADER, ...figureRows(file, bundle.models, hardest, join(DIR, 'family'))].join('\n'));
}

const [phase, arg] = process.argv.slice(2);
mkdirSync(DIR, { recursive: true });
if (phase === 'calibrate') await calibrate();
else if (phase === 'cell') await cell(arg ?? '');
else if (phase === 'table') table();
else if (phase === 'family') family();
else console.error('usage: sweep.ts calibrate | cell <1-4> | table | family');
