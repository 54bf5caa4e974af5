// Throughput of the openai engine against a local llama.cpp server (tools/openaiServer), at 1, 4
// and 8 requests in flight: the command line's runner (reversal-lab sample: StudyRun, grading, one
// JSONL line per sample) against a bare loop of the same HTTP requests at the same concurrency.
//   npx tsx tools/bench-openai.ts [--problems 8] [--n 4] [--max-tokens 48] [--slots 8]
// Prints the machine and the load average before and after; nothing here is a timed test.
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateProblems, problemsToJsonl, renderPrompt } from '../src/lib/core/problems';
import type { StudyConfig } from '../src/lib/core/types';
import { planTasks } from '../src/lib/runner/plan';
import { requestFor } from '../src/lib/runner/requestFor';
import { samplingBody } from '../src/lib/engines/openai';
import { run } from './cli/main';
import { startOpenAiServer } from './openaiServer/server';

const { values } = parseArgs({ options: { problems: { type: 'string' }, n: { type: 'string' }, 'max-tokens': { type: 'string' }, slots: { type: 'string' }, rounds: { type: 'string' } } });
const count = Number(values.problems ?? 8);
const n = Number(values.n ?? 4);
const maxTokens = Number(values['max-tokens'] ?? 48);
const slots = Number(values.slots ?? 8);
const rounds = Number(values.rounds ?? 1);
const root = fileURLToPath(new URL('../', import.meta.url));
const manifest = (await import(join(root, 'static/models/manifest.json'), { with: { type: 'json' } })).default as { prompt: { template: string } };

const dir = mkdtempSync(join(tmpdir(), 'rl-bench-openai-'));
const problems = generateProblems({ family: 'word', seed: 5, count, split: 'in-domain', levels: [1, 2] });
const problemsPath = join(dir, 'problems.jsonl');
writeFileSync(problemsPath, problemsToJsonl(problems));
const study: StudyConfig = {
	id: 'bench',
	name: 'bench',
	seed: 7,
	sampling: { n, greedy: false, temperature: 0.8, topP: 0.95, maxTokens },
	prompt: { style: 'raw', form: 'completion', text: manifest.prompt.template },
	extractor: 'gsm8k-strict',
	problemSet: { source: 'upload', id: 'problems.jsonl' }
};
const model = { id: 'M1', label: 'M1', engine: 'openai' as const, source: '', serverModel: 'tiny-m1', order: 0 };

const load0 = loadavg();
const server = await startOpenAiServer({ models: { 'tiny-m1': join(root, 'static/models/tiny-m1.gguf') }, slots });
const tasks = planTasks(study.seed, [model], problems, study.sampling);
const byId = new Map(problems.map((p) => [p.id, p]));

/** The same requests the runner sends, posted by a plain loop with `c` in flight. */
async function bare(c: number): Promise<{ seconds: number; tokens: number }> {
	let next = 0;
	let tokens = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: c }, async () => {
			while (next < tasks.length) {
				const task = tasks[next++]!;
				const req = requestFor(task, study, renderPrompt(study.prompt, byId.get(task.problem)!));
				const r = await fetch(`${server.url}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...samplingBody(req, 'tiny-m1'), prompt: req.prompt }) });
				const j = (await r.json()) as { usage: { completion_tokens: number } };
				tokens += j.usage.completion_tokens;
			}
		})
	);
	return { seconds: (performance.now() - t0) / 1000, tokens };
}

async function cli(c: number, round: number): Promise<number> {
	const out = join(dir, `c${c}-r${round}.jsonl`);
	const t0 = performance.now();
	const code = await run(
		['sample', '--server', server.url, '--model', 'tiny-m1', '--label', 'M1', '--problems', problemsPath, '--n', String(n), '--temperature', '0.8', '--top-p', '0.95', '--max-tokens', String(maxTokens), '--seed', '7', '--template', 'builtin', '--concurrency', String(c), '--out', out],
		{ out: () => {}, err: (t) => process.stderr.write(t) }
	);
	if (code !== 0) throw new Error(`sample exited ${code}`);
	return (performance.now() - t0) / 1000;
}

await bare(2); // warm-up
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model}, node ${process.version}; server: llama.cpp (node-llama-cpp), ${slots} slots, 1 thread; ${tasks.length} requests of <= ${maxTokens} tokens`);
console.log('C | bare loop samples/s | CLI runner samples/s | ratio');
for (const c of [1, 4, 8]) {
	let bareS = 0;
	let cliS = 0;
	for (let r = 0; r < rounds; r++) {
		// Alternate the order so load drifts hit both alike.
		if (r % 2 === 0) {
			bareS += (await bare(c)).seconds;
			cliS += await cli(c, r);
		} else {
			cliS += await cli(c, r);
			bareS += (await bare(c)).seconds;
		}
	}
	const b = (tasks.length * rounds) / bareS;
	const x = (tasks.length * rounds) / cliS;
	console.log(`${c} | ${b.toFixed(2)} | ${x.toFixed(2)} | ${((x / b) * 100).toFixed(1)}%`);
}
await server.close();
console.log(`load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
