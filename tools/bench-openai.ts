// Throughput of the openai engine against a local llama.cpp server (tools/openai-server.ts, a child
// process on a free port), at 1, 4 and 8 requests in flight, on the same problems, settings, seeds
// and token budget (the study page's defaults: offline preset seed 7, study seed 1, the built-in
// models' template, temperature 0.8, top-p 0.95, no greedy sample):
//   bare     a plain loop of fetch calls from this process, C in flight, the very bodies the engine sends;
//   cli      `reversal-lab sample --server` (tools/cli/main's run: StudyRun, grading, one JSONL line
//            per sample), in this process, timed from the call to its return;
//   page     a study on the openai engine from the study page in headless Chromium (the runner in its
//            worker, IndexedDB, progress UI, live report), timed in the page from the runner's first
//            progress event ("running", sent as StudyRun starts, before it lists the server's models)
//            to the page counting the last sample (counted after its IndexedDB write; progress is
//            sent at most every 100 ms, so up to 0.1 s late);
//   browser  (diagnostic) the bare loop inside Chromium, on a blank page: the browser's own fetch.
// With several slots llama.cpp's output can depend on which requests share a batch, so requests
// that arrive in another order can generate other tokens (the browser loop's do): hence tokens/s.
// Each run reports samples/s, completion tokens/s and CPU per sample (client: this process, or all
// of Chromium's processes; server: its process); each round's ratio is samples/s over the bare
// loop's in the same round, and the table gives medians over the rounds (the order rotates).
//   npx tsx tools/bench-openai.ts [--problems 8] [--n 4] [--max-tokens 48] [--slots 8] [--threads 1]
//     [--rounds 1] [--modes bare,cli,page] [--concurrency 1,4,8] [--build build]
//     [--page-threads] (page CPU by Chromium thread) [--trace <prefix>] (a Chromium trace per page run)
//     [--pin] (the server on core 1, every client on core 0: as a server on its own machine would be,
//     the client's CPU no longer takes the server's; needs taskset and 2 cores)
// Needs a built app for the page (`npm run build`). Prints the machine and the load average before
// and after; stops every server and browser it starts. Nothing here is a timed test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { offlinePresetProblems, problemsToJsonl, renderPrompt } from '../src/lib/core/problems';
import type { Bundle, ModelRef, StudyConfig } from '../src/lib/core/types';
import { planTasks } from '../src/lib/runner/plan';
import { requestFor } from '../src/lib/runner/requestFor';
import { samplingBody } from '../src/lib/engines/openai';
import { run } from './cli/main';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const { values } = parseArgs({
	options: {
		problems: { type: 'string' },
		n: { type: 'string' },
		'max-tokens': { type: 'string' },
		slots: { type: 'string' },
		threads: { type: 'string' },
		rounds: { type: 'string' },
		modes: { type: 'string' },
		concurrency: { type: 'string' },
		build: { type: 'string' },
		'page-threads': { type: 'boolean' },
		trace: { type: 'string' },
		pin: { type: 'boolean' }
	}
});
const count = Number(values.problems ?? 8);
const n = Number(values.n ?? 4);
const maxTokens = Number(values['max-tokens'] ?? 48);
const slots = Number(values.slots ?? 8);
const threads = Number(values.threads ?? 1);
const rounds = Number(values.rounds ?? 1);
const modes = (values.modes ?? 'bare,cli,page').split(',') as Mode[];
const levels = (values.concurrency ?? '1,4,8').split(',').map(Number);
const root = fileURLToPath(new URL('../', import.meta.url));
const buildDir = resolve(root, values.build ?? 'build');
type Mode = 'bare' | 'cli' | 'page' | 'browser';
interface Measured {
	seconds: number;
	samples: number;
	tokens: number;
	/** CPU seconds of the client (this process; for the page, Chromium's processes) and of the server. */
	clientCpu: number;
	serverCpu: number;
}

// The page's default problem set (offline preset, seed 7) and study settings, so all three modes
// send the same requests: seed 1, no greedy sample, the built-in models' template, gsm8k-strict.
const SERVED = 'tiny-m1';
const manifest = JSON.parse(readFileSync(join(root, 'static/models/manifest.json'), 'utf8')) as { prompt: { template: string } };
const problems = offlinePresetProblems('offline', count, 7);
const study: StudyConfig = {
	id: 'bench',
	name: 'bench',
	seed: 1,
	sampling: { n, greedy: false, temperature: 0.8, topP: 0.95, maxTokens },
	prompt: { style: 'raw', form: 'completion', text: manifest.prompt.template },
	extractor: 'gsm8k-strict',
	problemSet: { source: 'builtin', id: 'offline', seed: 7, count }
};
// The page names a server model by its served name, and model ids enter every seed: the CLI's --label is the same.
const model: ModelRef = { id: SERVED, label: SERVED, engine: 'openai', source: '', serverModel: SERVED, order: 0 };
const tasks = planTasks(study.seed, [model], problems, study.sampling);
const prompts = new Map(problems.map((p) => [p.id, renderPrompt(study.prompt, p)]));
const dir = mkdtempSync(join(tmpdir(), 'rl-bench-openai-'));
const problemsPath = join(dir, 'problems.jsonl');
writeFileSync(problemsPath, problemsToJsonl(problems));

const children: ChildProcess[] = [];
let serverPid = 0;

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 where it cannot be read. */
function cpuSeconds(pid: number, path = String(pid)): number {
	try {
		const fields = readFileSync(`/proc/${path}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
		return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
	} catch {
		return 0;
	}
}

/** The processes started by this one that are not servers: Chromium's. */
function browserPids(): number[] {
	const parents = new Map<number, number>();
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			parents.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]));
		} catch {
			// gone meanwhile
		}
	}
	const servers = new Set(children.map((c) => c.pid));
	const mine = new Set([process.pid]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const [pid, parent] of parents) {
			if (!mine.has(pid) && mine.has(parent) && !servers.has(pid)) {
				mine.add(pid);
				grew = true;
			}
		}
	}
	mine.delete(process.pid);
	return [...mine];
}

/** CPU seconds of Chromium's threads, by process type and thread name (where the page's time goes). */
function browserThreads(): Map<string, number> {
	const by = new Map<string, number>();
	for (const pid of browserPids()) {
		let type = 'browser';
		try {
			type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
			for (const tid of readdirSync(`/proc/${pid}/task`)) {
				const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
				const key = `${type}/${name}`;
				by.set(key, (by.get(key) ?? 0) + cpuSeconds(Number(tid), `${pid}/task/${tid}`));
			}
		} catch {
			// gone meanwhile
		}
	}
	return by;
}

/** Starts counting client and server CPU seconds (the client: this process, or Chromium for the page); call the result to stop. */
function cpuMeter(mode: Mode): () => { clientCpu: number; serverCpu: number } {
	// Per Chromium process, so one that exits meanwhile (a closed context's renderer) drops out instead of going negative.
	const browserCpu = () => new Map(browserPids().map((p) => [p, cpuSeconds(p)]));
	const own = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1e6;
	};
	const b0 = mode === 'page' ? browserCpu() : undefined;
	const c0 = own();
	const s0 = cpuSeconds(serverPid);
	return () => {
		const clientCpu = b0 ? [...browserCpu()].reduce((a, [p, t]) => a + t - (b0.get(p) ?? 0), 0) : own() - c0;
		return { clientCpu, serverCpu: cpuSeconds(serverPid) - s0 };
	};
}

let browser: Browser | undefined;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** Starts a child process and resolves with the first stdout line matching `ready`. */
function startChild(args: string[], ready: RegExp): Promise<RegExpMatchArray> {
	// taskset execs the command: the child's pid is the server's.
	const [command, argv]: [string, string[]] = values.pin && args.includes('tools/openai-server.ts') ? ['taskset', ['-c', '1', process.execPath, ...args]] : [process.execPath, args];
	const child = spawn(command, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	if (args.includes('tools/openai-server.ts')) serverPid = child.pid ?? 0;
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (b: Buffer) => {
			out += b.toString();
			const m = out.match(ready);
			if (m) resolve(m);
		});
		child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code} before it was ready:\n${out}`)));
	});
}

async function stopAll(): Promise<void> {
	await browser?.close().catch(() => {});
	for (const c of children) {
		if (c.exitCode !== null || c.signalCode !== null) continue;
		const exited = new Promise((resolve) => c.once('exit', resolve));
		c.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
		if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
	}
	rmSync(dir, { recursive: true, force: true });
}

/** The request bodies the engine sends, one per sample. */
const bodies = tasks.map((t) => JSON.stringify({ ...samplingBody(requestFor(t, study, prompts.get(t.problem) ?? ''), SERVED), prompt: prompts.get(t.problem) }));

/** The requests the runner sends, posted by a plain loop with `c` in flight. */
async function bare(url: string, c: number): Promise<Measured> {
	let next = 0;
	let tokens = 0;
	const cpu = cpuMeter('bare');
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: c }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const r = await fetch(`${url}/completions`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body });
				if (!r.ok) throw new Error(`bare loop: ${r.status} ${await r.text()}`);
				tokens += ((await r.json()) as { usage: { completion_tokens: number } }).usage.completion_tokens;
			}
		})
	);
	return { seconds: (performance.now() - t0) / 1000, samples: bodies.length, tokens, ...cpu() };
}

/** The same bare loop inside Chromium (a blank page): what the browser's own fetch costs. */
async function browserBare(url: string, c: number): Promise<Measured> {
	if (!browser) throw new Error('no browser');
	const context = await browser.newContext();
	try {
		const p = await context.newPage();
		const cpu = cpuMeter('page');
		const got = (await p.evaluate(`(async () => {
			const bodies = ${JSON.stringify(bodies)};
			let next = 0, tokens = 0;
			const t0 = performance.now();
			await Promise.all(Array.from({ length: ${c} }, async () => {
				while (next < bodies.length) {
					const body = bodies[next++];
					const r = await fetch(${JSON.stringify(`${url}/completions`)}, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body });
					tokens += (await r.json()).usage.completion_tokens;
				}
			}));
			return { seconds: (performance.now() - t0) / 1000, tokens };
		})()`)) as { seconds: number; tokens: number };
		return { ...got, samples: bodies.length, ...cpu() };
	} finally {
		await context.close();
	}
}

let runs = 0;
async function cli(url: string, c: number): Promise<Measured> {
	const out = join(dir, `cli-${runs++}.jsonl`);
	const argv = ['sample', '--server', url, '--model', SERVED, '--problems', problemsPath, '--n', String(n), '--temperature', '0.8', '--top-p', '0.95', '--max-tokens', String(maxTokens)];
	argv.push('--seed', '1', '--template', 'builtin', '--extractor', 'gsm8k-strict', '--concurrency', String(c), '--out', out);
	const cpu = cpuMeter('cli');
	const t0 = performance.now();
	const code = await run(argv, { out: () => {}, err: (t) => process.stderr.write(t) });
	const seconds = (performance.now() - t0) / 1000;
	const used = cpu();
	if (code !== 0) throw new Error(`sample exited ${code}`);
	const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { tokens: number });
	return { seconds, samples: lines.length, tokens: lines.reduce((a, l) => a + l.tokens, 0), ...used };
}

async function page(appUrl: string, url: string, c: number): Promise<Measured> {
	if (!browser) throw new Error('no browser');
	// A fresh context per run: its own IndexedDB, so studies never pile up.
	const context = await browser.newContext({ baseURL: appUrl, acceptDownloads: true });
	try {
		const p = await context.newPage();
		await p.goto('/study');
		await p.getByRole('group', { name: /Built-in tiny models/ }).or(p.getByTestId('no-builtins')).waitFor();
		await p.getByLabel('Count').fill(String(count));
		await p.getByRole('button', { name: 'Load problems' }).click();
		await p.getByTestId('problem-count').filter({ hasText: `${count} problems` }).waitFor();
		await p.getByTestId('server-url').fill(url);
		await p.getByTestId('server-list').click();
		await p.getByTestId('server-model').selectOption(SERVED);
		await p.getByTestId('server-add').click();
		await p.getByTestId('server-concurrency').fill(String(c));
		await p.getByLabel('Max tokens').fill(String(maxTokens));
		await p.getByLabel('Samples per problem (n)').fill(String(n));
		await p.getByLabel('Also one greedy sample').uncheck();
		await p.getByLabel("The built-in models' format").check();
		await p.getByTestId('cost').filter({ hasText: `${tasks.length} samples` }).waitFor();
		// Timestamps taken in the page itself, as the progress UI changes (no polling from here).
		// (A string, not a function: tsx's transform would add helpers the page does not have.)
		await p.evaluate(`(() => {
			const times = (window.benchTimes = {});
			new MutationObserver(() => {
				const t = performance.now();
				if (times.start === undefined && document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'running') times.start = t;
				const done = document.querySelector('[data-testid="overall-done"]');
				if (times.end === undefined && done && Number(done.textContent) >= ${tasks.length}) times.end = t;
			}).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
		})()`);
		const cpu = cpuMeter('page'); // from the click to the end (a little more than the timed window)
		const threads0 = browserThreads();
		// --trace: a Chromium trace of each page run (chrome://tracing, Perfetto), to see where its time goes.
		if (values.trace) await browser.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'IndexedDB', 'toplevel', 'disabled-by-default-v8.cpu_profiler'] });
		await p.getByRole('button', { name: 'Run the study' }).click();
		await p.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 3_600_000 });
		const used = cpu();
		if (values.trace) writeFileSync(`${values.trace}-c${c}-${runs++}.json`, await browser.stopTracing());
		const threads = [...browserThreads()].map(([k, v]) => [k, v - (threads0.get(k) ?? 0)] as const).filter(([, v]) => v >= 0.05);
		if (values['page-threads']) console.log(`    page CPU by thread: ${threads.sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt(v)} s`).join(', ')}`);
		const times = (await p.evaluate('window.benchTimes')) as { start?: number; end?: number };
		if (times.start === undefined || times.end === undefined) throw new Error(`page: start or end not seen (${JSON.stringify(times)})`);
		const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('download-bundle').click()]);
		const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as Bundle;
		if (bundle.models[0]?.id !== SERVED || bundle.study.seed !== study.seed || bundle.study.prompt.text !== study.prompt.text) {
			throw new Error(`page: the study differs from the CLI's (model ${bundle.models[0]?.id}, seed ${bundle.study.seed}, template ${JSON.stringify(bundle.study.prompt.text)})`);
		}
		return { seconds: (times.end - times.start) / 1000, samples: bundle.samples.length, tokens: bundle.samples.reduce((a, s) => a + s.tokens, 0), ...used };
	} finally {
		await context.close();
	}
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
const load0 = load();
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
try {
	const cpu = cpus();
	console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores; node ${process.version}; load average before: ${load0}`);
	if (values.pin) {
		// Every thread of this process, and so everything it starts later (the app server, Chromium), on core 0.
		execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
		console.log('pinned: the llama.cpp server on core 1; this process, the CLI, the app server and Chromium on core 0');
	}
	const serverPort = await freePort();
	const [, url] = (await startChild(
		['--import', 'tsx', 'tools/openai-server.ts', '--port', String(serverPort), '--slots', String(slots), '--threads', String(threads), '--quiet', `${SERVED}=${join(root, 'static/models/tiny-m1.gguf')}`],
		/at (http:\/\/\S+\/v1)/
	)) as [string, string];
	console.log(`server: llama.cpp through node-llama-cpp (tools/openai-server.ts) at ${url}, ${slots} slots, ${threads} thread(s), in its own process`);
	let appUrl = '';
	if (!modes.includes('bare')) throw new Error('--modes: the bare loop is what the others are compared with; keep "bare".');
	if (modes.includes('page') || modes.includes('browser')) {
		if (!existsSync(join(buildDir, 'index.html'))) throw new Error(`${buildDir} has no built app: run \`npm run build\` first (or leave out the page with --modes bare,cli).`);
		const appPort = await freePort();
		await startChild([join(root, 'tools/serve.js'), buildDir, String(appPort)], /Reversal Lab: /);
		appUrl = `http://localhost:${appPort}`;
		browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
		console.log(`page: ${appUrl}/study in headless Chromium ${browser.version()}`);
	}
	console.log(`work: ${count} problems x n = ${n} = ${tasks.length} requests of at most ${maxTokens} tokens, temperature 0.8, top-p 0.95, ${rounds} round(s) per mode and C`);
	await bare(url, 2); // warm-up: the model's first batches, the connection pool
	const rate = (m: Measured) => ({ sps: m.samples / m.seconds, tps: m.tokens / m.seconds });
	const median = (xs: number[]) => {
		const s = [...xs].sort((a, b) => a - b);
		return ((s[Math.floor((s.length - 1) / 2)] ?? NaN) + (s[Math.ceil((s.length - 1) / 2)] ?? NaN)) / 2;
	};
	const rows: string[] = [];
	for (const c of levels) {
		const got: Record<Mode, Measured[]> = { bare: [], cli: [], page: [], browser: [] };
		for (let r = 0; r < rounds; r++) {
			// Rotate the order so a drift in load hits every mode alike.
			for (const mode of [...modes.slice(r % modes.length), ...modes.slice(0, r % modes.length)]) {
				const m = mode === 'bare' ? await bare(url, c) : mode === 'cli' ? await cli(url, c) : mode === 'browser' ? await browserBare(url, c) : await page(appUrl, url, c);
				got[mode].push(m);
				const x = rate(m);
				console.log(
					`  C=${c} round ${r + 1} ${mode}: ${m.samples} samples, ${m.tokens} tokens in ${fmt(m.seconds)} s = ${fmt(x.sps)} samples/s, ${fmt(x.tps, 1)} tokens/s; ` +
						`CPU per sample: client ${fmt((m.clientCpu / m.samples) * 1000, 1)} ms, server ${fmt((m.serverCpu / m.samples) * 1000, 1)} ms (load ${load()})`
				);
			}
		}
		// Each round's ratio compares runs minutes apart at most; the median over rounds resists a burst of load.
		const cells = modes.map((mode) => {
			const sps = median(got[mode].map((m) => rate(m).sps));
			const tps = median(got[mode].map((m) => rate(m).tps));
			const cpu = median(got[mode].map((m) => (m.clientCpu / m.samples) * 1000));
			if (mode === 'bare') return `${fmt(sps)} samples/s, ${fmt(tps, 1)} tokens/s, client CPU ${fmt(cpu, 1)} ms/sample`;
			const ratio = median(got[mode].map((m, r) => rate(m).sps / rate(got.bare[r] as Measured).sps));
			return `${fmt(sps)} samples/s, ${fmt(tps, 1)} tokens/s, client CPU ${fmt(cpu, 1)} ms/sample, ratio ${fmt(ratio * 100, 0)}%`;
		});
		rows.push(`| ${c} | ${cells.join(' | ')} |`);
	}
	console.log(`\nmedians over ${rounds} round(s); ratio = samples/s over the bare loop's in the same round`);
	console.log(`| C | ${modes.join(' | ')} |\n|---|${modes.map(() => '---').join('|')}|\n${rows.join('\n')}`);
	console.log(`load average before ${load0}, after ${load()}`);
} finally {
	await stopAll();
}
