// `reversal-lab sample --server <base-url> --model <name> ...`: a study sampled through an
// OpenAI-compatible server (vLLM, llama-server, Ollama, SGLang) by the same runner, seeds, prompts
// and grading as the page, written as samples JSONL one line per sample as it completes.
// Rerunning with the same --out takes only the missing samples.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grade } from '../../src/lib/core/grading';
import { decodeUpload, guessMapping, makeTemplate, mapFields, parseProblemFile, renderPrompt } from '../../src/lib/core/problems';
import { sampleKey, type ModelRef, type Problem, type PromptTemplate, type StudyConfig } from '../../src/lib/core/types';
import { planTasks } from '../../src/lib/runner/plan';
import { StudyRun, type RunDeps } from '../../src/lib/runner/studyRun';
import type { RunProgress, StoredStudy } from '../../src/lib/runner/types';
import { createOpenAiEngine, normalizeBaseUrl } from '../../src/lib/engines/openai';
import { ENGINE_KINDS } from '../../src/lib/engines/registry';
import { CliError, EXIT } from './errors';
import { JsonlRunStore } from './jsonlStore';
import type { SampleArgs } from './sampleArgs';

export interface SampleIo {
	out: (text: string) => void;
	err: (text: string) => void;
	/** Draw a progress bar (a terminal): stderr lines rewritten in place. */
	tty?: boolean;
	env?: Record<string, string | undefined>;
	/** Stops the run as Ctrl-C does (tests). */
	signal?: AbortSignal;
	fetch?: typeof fetch;
}

function readProblems(path: string, io: SampleIo): Problem[] {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new CliError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, EXIT.io);
	}
	const table = parseProblemFile(decodeUpload(bytes), basename(path));
	const result = mapFields(table, { question: '', ...guessMapping(table.columns) });
	for (const note of result.notes) io.err(`note: ${note}\n`);
	if (result.issues.length) {
		const listed = result.issues.slice(0, 20).map((i) => `  ${i.message}`).join('\n');
		throw new CliError(`${path}: ${result.issues.length} problem records need attention:\n${listed}`, EXIT.invalidInput);
	}
	if (!result.problems.length) throw new CliError(`${path}: no problem could be read.`, EXIT.invalidInput);
	return result.problems;
}

function template(args: SampleArgs): PromptTemplate {
	if (args.template === 'builtin') {
		const manifest = fileURLToPath(new URL('../../static/models/manifest.json', import.meta.url));
		const text = (JSON.parse(readFileSync(manifest, 'utf8')) as { prompt?: { template?: string } }).prompt?.template;
		if (!text) throw new CliError(`${manifest} has no prompt template: use --template zero-shot-cot or raw.`, EXIT.io);
		return { style: 'raw', form: 'completion', text };
	}
	if (args.template === 'few-shot-cot') throw new CliError('--template few-shot-cot needs an exemplar pool, which the command line does not take yet: use zero-shot-cot, raw or builtin.', EXIT.usage);
	return makeTemplate({ style: args.template, form: args.chat ? 'chat' : 'completion', extractor: args.extractor });
}

function duration(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds)) return '--';
	const s = Math.round(seconds);
	return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function progressLine(p: RunProgress, width = 30): string {
	const { done, total } = p.overall;
	const filled = total ? Math.round((done / total) * width) : 0;
	const rate = p.samplesPerSecond !== undefined ? `${p.samplesPerSecond.toFixed(1)} samples/s` : '-- samples/s';
	return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate} ETA ${duration(p.secondsLeft)}`;
}

/** The settings a file was written with, kept beside it (`<out>.study.json`, never the key). */
interface Sidecar {
	format: 'reversal-lab/sample-run';
	study: StudyConfig;
	model: ModelRef;
	environment?: StoredStudy['environment'];
}

function sameSettings(a: StudyConfig, b: StudyConfig): string | undefined {
	const pairs: [string, unknown, unknown][] = [
		['--seed', a.seed, b.seed],
		['--n', a.sampling.n, b.sampling.n],
		['--greedy', a.sampling.greedy, b.sampling.greedy],
		['--temperature', a.sampling.temperature, b.sampling.temperature],
		['--top-p', a.sampling.topP, b.sampling.topP],
		['--max-tokens', a.sampling.maxTokens, b.sampling.maxTokens],
		['--template', a.prompt.text, b.prompt.text],
		['--extractor', a.extractor, b.extractor]
	];
	const diff = pairs.find(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y));
	return diff ? `${diff[0]} was ${JSON.stringify(diff[1])}, now ${JSON.stringify(diff[2])}` : undefined;
}

export async function sample(args: SampleArgs, io: SampleIo): Promise<number> {
	const env = io.env ?? process.env;
	let apiKey: string | undefined;
	if (args.apiKeyEnv !== undefined) {
		apiKey = env[args.apiKeyEnv];
		if (!apiKey) throw new CliError(`--api-key-env ${args.apiKeyEnv}: that environment variable is not set (the key is read only from it, never from the command line).`, EXIT.usage);
	}
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(args.server);
	} catch (e) {
		throw new CliError(`--server: ${(e as Error).message}`, EXIT.usage);
	}
	const problems = readProblems(args.problems, io);
	const label = args.label ?? args.model;
	const model: ModelRef = { id: label, label, engine: 'openai', source: baseUrl, serverModel: args.model, order: 0, ...(args.chat ? { chat: true } : {}) };
	const prompt = template(args);
	const study: StudyConfig = {
		id: 'cli',
		name: `${label} on ${basename(args.problems)}`,
		seed: args.seed,
		sampling: { n: args.n, greedy: args.greedy, temperature: args.temperature, topP: args.topP, maxTokens: args.maxTokens },
		prompt,
		extractor: args.extractor,
		problemSet: { source: 'upload', id: basename(args.problems), count: problems.length }
	};
	const sidecarPath = `${args.out}.study.json`;
	if (existsSync(sidecarPath)) {
		const before = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
		const diff = sameSettings(before.study, study);
		if (diff) throw new CliError(`${args.out} was written with other settings (${diff}): rerun with the same options to resume, or choose another --out.`, EXIT.usage);
	}
	const now = new Date().toISOString();
	const stored: StoredStudy = { id: 'cli', study, problems, models: [model], exemplars: [], status: 'new', createdAt: now, updatedAt: now };
	const seeds = new Map(planTasks(study.seed, [model], problems, study.sampling).map((t) => [sampleKey(t), t.seed]));
	const store = new JsonlRunStore(args.out, stored, (m, p, i) => seeds.get(sampleKey({ model: m, problem: p, index: i })));
	if (store.truncatedBytes) io.err(`note: ${args.out}: dropped a last line cut short (${store.truncatedBytes} bytes) by an earlier stop; that sample is taken again.\n`);
	if (store.existing) io.err(`${args.out}: ${store.existing} of ${seeds.size} samples already there; taking the other ${seeds.size - store.existing}.\n`);
	const writeSidecar = (environment?: StoredStudy['environment']) =>
		writeFileSync(sidecarPath, JSON.stringify({ format: 'reversal-lab/sample-run', study, model, ...(environment ? { environment } : {}) } satisfies Sidecar, null, '\t') + '\n');
	writeSidecar();

	const engine = createOpenAiEngine({
		...(apiKey ? { apiKey } : {}),
		...(io.fetch ? { fetch: io.fetch } : {}),
		onRetry: (r) => io.err(`${io.tty ? '\n' : ''}server busy (${r.why}); retrying in ${(r.waitMs / 1000).toFixed(1)} s\n`)
	});
	const concurrency = ENGINE_KINDS.openai.concurrency?.({ concurrency: args.concurrency }) ?? 1;
	let failure: RunProgress['error'];
	let last: RunProgress | undefined;
	let lastDrawn = 0;
	const deps: RunDeps = {
		store,
		engineFor: () => engine,
		grade,
		render: (s, p) => renderPrompt(s.study.prompt, p, s.exemplars),
		baseUrl: '',
		app: 'reversal-lab 0.1.0 (command line)',
		browser: `node ${process.version}`,
		throttleMs: 250,
		// The runner keeps this many requests in flight (the registry's figure for the openai kind).
		concurrencyFor: () => concurrency
	};
	const run: StudyRun = new StudyRun(
		deps,
		'cli',
		(e) => {
			if (e.type !== 'progress') return;
			last = e.progress;
			// The runner pauses on an error and waits for a resume; on the command line that ends the run.
			if (e.progress.status === 'paused' && e.progress.error && !failure) {
				failure = e.progress.error;
				run.cancel();
			}
			if (io.tty && Date.now() - lastDrawn > 200) {
				lastDrawn = Date.now();
				io.err(`\r${progressLine(e.progress)}`);
			}
		}
	);
	const onAbort = () => run.cancel();
	io.signal?.addEventListener('abort', onAbort);
	let status;
	try {
		status = await run.run();
	} finally {
		io.signal?.removeEventListener('abort', onAbort);
	}
	if (io.tty && last) io.err(`\r${progressLine(last)}\n`);
	const server = (await engine.info()).server;
	if (server) writeSidecar({ app: 'reversal-lab 0.1.0 (command line)', engine: (await engine.info()).name, browser: `node ${process.version}`, servers: [server] });
	const done = (await store.doneKeys('cli')).size;
	if (failure) {
		io.err(`reversal-lab: ${failure.message}\n${done} of ${seeds.size} samples are in ${args.out}; rerun the same command to take the rest.\n`);
		return 4;
	}
	if (status !== 'done') {
		io.err(`stopped: ${done} of ${seeds.size} samples are in ${args.out}; rerun the same command to take the rest.\n`);
		return 130;
	}
	io.out(`wrote ${args.out}: ${seeds.size} samples (${seeds.size - store.existing} new) of ${label} from ${baseUrl}, at concurrency ${concurrency}.\n`);
	if (server) io.out(`server: ${server.kind}, model ${server.served}${server.fingerprints.length ? `, fingerprint ${server.fingerprints.join(', ')}` : ''}. ${server.reproducibility}\n`);
	io.out(`settings and server kept in ${sidecarPath}; next: reversal-lab report ${args.out}\n`);
	return EXIT.ok;
}
