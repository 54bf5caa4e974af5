// The report worker: reads files (gzip; bundle JSON, samples JSONL or lm-eval --log_samples, through
// core's readStudyFiles like the command line), validates them, computes the
// report, and answers the samples browser's queries. The bundle lives here, so the main thread
// never parses or holds 160,000 samples; it gets the report and the rows it shows. A large study's
// complete report has its per-group statistics computed by a pool of workers (groupStatsPool.ts)
// while this one computes the first view, then stays free for queries until it assembles the report.
import * as Comlink from 'comlink';
import { gzipSync } from 'fflate';
import { type Bundle, type Environment, type ModelRef, type Phase, type Problem, type Sample, type StudyConfig } from '$lib/core/types';
import type { Report } from '$lib/core/metrics/reportTypes';
import { computeReport, lookupEmbedder } from '$lib/core/metrics';
import { formatIssues, isStudyError, parseBundle, readStudyFiles, textOfBytes, truncationOf, truncationWarnings, type Truncation } from '$lib/core/study';
import {
	answerSpaceOf,
	buildSampleIndex,
	commonProblems,
	createLiveSamples,
	showcaseProblem,
	filterRows,
	type AnswerMass,
	type BrowserRow,
	type SampleFilter,
	type LiveSamples,
	type SampleIndex,
	type Showcase
} from '$lib/core/samples';
import { computeReportInPool } from './groupStatsPool';
import { createPartedReportBuilder, type PartedReportBuilder } from './partedReportBuilder';
import { quickReport } from './quickReport';

/** The complete report, and the milliseconds of its phases (group statistics in the pool since the study opened: 'diversity'). */
export interface Complete {
	report: Report;
	timings: Partial<Record<Phase, number>>;
}

/** Everything about the open study except its samples. */
export interface BundleSummary {
	name: string;
	study: StudyConfig;
	models: ModelRef[];
	problems: Problem[];
	sampleCount: number;
	environment: Environment;
	createdAt: string;
	/**
	 * What a reader should know about the data: what reading the file(s) did (a gold taken from a
	 * worked solution, samples graded here) and each model cut at max tokens above 5%.
	 */
	notes: string[];
	/** Each model's samples cut at max tokens. */
	truncation: Truncation[];
}

/** One file's bytes and name, as the page hands them over. */
export interface FileBytes {
	bytes: ArrayBuffer;
	name: string;
}

export interface Loaded {
	summary: BundleSummary;
	report: Report;
	/** False for a large bundle's first report (no intervals, no text metrics); fullReport() completes it. */
	intervals: boolean;
	/** Milliseconds spent reading and computing, for the measurement tools. */
	timings: { parse: number; report: number };
}

/** Bundles above this many samples get a first report without bootstrap intervals, then the full one. */
const QUICK_ABOVE = 20_000;
/** Group-statistics workers at most: past a few, the report's own single-threaded parts dominate. */
const MAX_POOL = 4;
/** Files above this many bytes start the pool before they are parsed (20,000 samples take about 15 MB). */
const SPAWN_POOL_ABOVE = 8 * 2 ** 20;

let current:
	| {
			bundle: Bundle;
			name: string;
			index: SampleIndex;
			report: Report;
			full: boolean;
			/** A run in progress: its report builder and samples, updated as samples arrive. */
			builder?: PartedReportBuilder;
			live?: LiveSamples;
			notes: string[];
			/** A large study's complete report, under way in the pool since it was opened. */
			complete?: Promise<Complete>;
	  }
	| undefined;

/** The live report's other thread (a model part), ended with its builder. */
let livePart: Worker | undefined;

/** Ends the live report's other thread. */
function endLivePart(): void {
	livePart?.terminate();
	livePart = undefined;
}

/**
 * The live report of a run: with two cores or more, its models split between this worker and one
 * model-part worker (the same report, byte for byte, as one thread gives).
 */
function liveBuilder(bundle: Bundle): PartedReportBuilder {
	endLivePart();
	if (typeof Worker !== 'undefined' && (navigator.hardwareConcurrency || 1) >= 2) {
		livePart = new Worker(new URL('./modelPart.worker.ts', import.meta.url), { type: 'module' });
	}
	return createPartedReportBuilder(bundle, livePart ? [livePart] : []);
}

/** The pool, made at the first large study and kept (each worker keeps its token dictionary warm). */
let pool: Worker[] | undefined;
/** Stops sending the open study's batches to the pool when another study replaces it. */
let stopComplete: AbortController | undefined;

function groupStatsWorkers(): Worker[] {
	// A browser without workers inside workers computes the complete report here, as before.
	if (typeof Worker === 'undefined') return [];
	const size = Math.max(1, Math.min(MAX_POOL, navigator.hardwareConcurrency || 1));
	pool ??= Array.from({ length: size }, () => new Worker(new URL('./groupStats.worker.ts', import.meta.url), { type: 'module' }));
	return pool;
}

/** The complete report of a large study, started now in the pool; undefined without a pool. */
function startComplete(bundle: Bundle): { complete: Promise<Complete>; controller: AbortController } | undefined {
	const workers = groupStatsWorkers();
	if (workers.length === 0) return undefined;
	const controller = new AbortController();
	const timings: Complete['timings'] = {};
	let last = performance.now();
	const lap = (phase: Phase) => {
		const now = performance.now();
		timings[phase] = (timings[phase] ?? 0) + now - last;
		last = now;
	};
	const complete = computeReportInPool(bundle, { lap }, workers, { signal: controller.signal }).then((report) => ({ report, timings }));
	complete.catch(() => {
		// A stopped or crashed worker is not reused: the next study gets a fresh pool.
		if (!controller.signal.aborted) {
			for (const worker of pool ?? []) worker.terminate();
			pool = undefined;
		}
	});
	return { complete, controller };
}

/** The open study's complete report, if one is under way, is no longer needed. */
function replaced(by?: AbortController): void {
	stopComplete?.abort();
	stopComplete = by;
}

/** `truncation`: the bundle's counts when already kept (a run in progress), else counted here. */
function summarize(bundle: Bundle, name: string, notes: string[], truncation: Truncation[] = truncationOf(bundle)): BundleSummary {
	return {
		notes: [...notes, ...truncationWarnings(bundle, truncation)],
		truncation,
		name,
		study: bundle.study,
		models: bundle.models,
		problems: bundle.problems,
		sampleCount: bundle.samples.length,
		environment: bundle.environment,
		createdAt: bundle.createdAt
	};
}

/** The study in one or more files (one bundle or samples file, or several lm-eval files), read by core's one path. */
async function readFiles(files: readonly FileBytes[]): Promise<{ bundle: Bundle; name: string; warnings: string[] }> {
	const texts = await Promise.all(
		files.map(async (f) => {
			try {
				return { name: f.name, text: await textOfBytes(new Uint8Array(f.bytes)) };
			} catch (e) {
				throw isStudyError(e) ? new Error(`${f.name}: ${e.message}`, { cause: e }) : e;
			}
		})
	);
	const name = files.map((f) => f.name).join(' + ');
	const r = readStudyFiles(texts);
	if (!r.ok) throw new Error(`${files.length > 1 ? 'These files do' : 'This file does'} not hold a valid study:\n${formatIssues(r.errors, r.omitted)}`);
	return { bundle: r.bundle, name, warnings: r.warnings };
}

function checked(
	result: { ok: true; bundle: Bundle } | { ok: false; errors: Parameters<typeof formatIssues>[0]; omitted: number },
	what = 'bundle'
): Bundle {
	if (result.ok) return result.bundle;
	throw new Error(`This file is not a valid ${what}:\n${formatIssues(result.errors, result.omitted)}`);
}

function open(bundle: Bundle, name: string, parseMs: number, notes: string[]): Loaded {
	const t0 = performance.now();
	const quick = bundle.samples.length > QUICK_ABOVE;
	// The pool starts on the complete report first, so its workers compute while this one makes the first view.
	const started = quick ? startComplete(bundle) : undefined;
	let report: Report;
	let index: SampleIndex;
	try {
		report = quick ? quickReport(bundle) : computeReport(bundle);
		index = buildSampleIndex(bundle);
	} catch (e) {
		started?.controller.abort();
		throw e;
	}
	const reportMs = performance.now() - t0;
	// Only now does the new study replace the open one: a failure above leaves it untouched.
	replaced(started?.controller);
	endLivePart();
	current = { bundle, name, index, report, full: !quick, notes, complete: started?.complete };
	return { summary: summarize(bundle, name, notes), report, intervals: !quick, timings: { parse: parseMs, report: reportMs } };
}

const api = {
	/**
	 * Read files' bytes (gzip or plain): one bundle, samples JSONL or lm-eval --log_samples file, or
	 * several lm-eval files (one model each). Throws a located error.
	 */
	async load(files: FileBytes[]): Promise<Loaded> {
		const t0 = performance.now();
		// A file this large likely holds a large study: the pool's workers start (load their module)
		// while this one parses, instead of after it.
		if (files.reduce((n, f) => n + f.bytes.byteLength, 0) > SPAWN_POOL_ABOVE) groupStatsWorkers();
		const { bundle, name, warnings } = await readFiles(files);
		return open(bundle, name, performance.now() - t0, warnings);
	},

	/** A bundle from a run in progress (validated again here); later samples arrive through addSamples(). */
	async setBundle(bundle: Bundle, name = 'run in progress'): Promise<Loaded> {
		const t0 = performance.now();
		const valid = checked(parseBundle(bundle));
		const parseMs = performance.now() - t0;
		// The builder takes the bundle's own samples; adding them again would double the work.
		const builder = liveBuilder(valid);
		let report: Report;
		try {
			report = await builder.report();
		} catch (e) {
			// The open study stays as it was.
			endLivePart();
			throw e;
		}
		const live = createLiveSamples(valid);
		replaced();
		current = { bundle: live.bundle, name, index: live.index, report, full: true, builder, live, notes: [] };
		return { summary: summarize(live.bundle, name, [], live.truncation), report, intervals: true, timings: { parse: parseMs, report: performance.now() - t0 - parseMs } };
	},

	/**
	 * New samples of the open study (a run in progress): the live builder updates the report, and the
	 * bundle and samples index take them in place. A bad sample throws and changes nothing.
	 */
	async addSamples(samples: Sample[]): Promise<Loaded> {
		const open = current;
		if (!open) throw new Error('No study is open: set a bundle before adding samples.');
		const t0 = performance.now();
		open.live ??= createLiveSamples(open.bundle);
		open.builder ??= liveBuilder(open.bundle);
		const { builder, live } = open;
		builder.add(samples);
		live.add(samples);
		let report: Report;
		try {
			report = await builder.report();
		} catch (e) {
			// Its samples are kept: the next call starts a builder afresh from them.
			if (open.builder === builder) open.builder = undefined;
			throw e;
		}
		// Another study opened meanwhile: it stays, and is what the page shows.
		if (current !== open) return { summary: summarize(current!.bundle, current!.name, current!.notes, current!.live?.truncation), report: current!.report, intervals: current!.full, timings: { parse: 0, report: 0 } };
		current = { ...open, bundle: live.bundle, index: live.index, report, full: true };
		return { summary: summarize(live.bundle, open.name, open.notes, live.truncation), report, intervals: true, timings: { parse: 0, report: performance.now() - t0 } };
	},

	/**
	 * The complete report (intervals, diversity, verdicts), when load() returned a quick one;
	 * undefined when another study replaced this one meanwhile.
	 */
	async fullReport(): Promise<Complete | undefined> {
		const open = current;
		if (!open) return undefined;
		let timings: Complete['timings'] = {};
		if (!open.full) {
			let report: Report;
			try {
				({ report, timings } = open.complete ? await open.complete : { report: computeReport(open.bundle), timings });
			} catch (e) {
				if (current !== open && e instanceof DOMException && e.name === 'AbortError') return undefined;
				throw e;
			}
			if (current !== open) return undefined;
			// withVectors() may have completed it meanwhile, with the sentence model: that one stays.
			if (!open.full) {
				open.report = report;
				open.full = true;
			}
		}
		return { report: open.report, timings };
	},

	/** The distinct sample texts of the open study, for the sentence embedder to embed. */
	sampleTexts(): string[] {
		return current ? [...new Set(current.bundle.samples.map((s) => s.text))] : [];
	},

	/**
	 * The report again with semantic diversity from precomputed sentence-embedding vectors (one per
	 * distinct text). Later samples of a run fall back to the builder's default embedder.
	 */
	withVectors(name: string, vectors: Map<string, Float32Array>): Report | undefined {
		if (!current) return undefined;
		current.report = computeReport(current.bundle, { embedder: lookupEmbedder(name, vectors) });
		current.full = true;
		current.builder = undefined;
		endLivePart();
		return current.report;
	},

	rows(filter: SampleFilter): BrowserRow[] {
		return current ? filterRows(current.index, current.report, filter) : [];
	},

	/** Every sample of one problem, by model. */
	samplesOf(problem: string): Record<string, Sample[]> {
		const perModel = current?.index.byProblem.get(problem);
		return perModel ? Object.fromEntries(perModel) : {};
	},

	answerSpace(problem: string, model: string): AnswerMass[] {
		return current ? answerSpaceOf(current.index, problem, model) : [];
	},

	/**
	 * The report over only the problems every model with samples has samples for, so that a run in
	 * progress compares like with like; undefined when they already cover the same problems.
	 */
	commonReport(): { report: Report; problems: number } | undefined {
		if (!current) return undefined;
		const common = commonProblems(current.bundle);
		if (!common) return undefined;
		const keep = new Set(common);
		return { report: computeReport({ ...current.bundle, samples: current.bundle.samples.filter((s) => keep.has(s.problem)) }), problems: common.length };
	},

	/** A problem `from` solved in several distinct ways and `to` in fewer (the demo's summary links to it). */
	showcase(from: string, to: string): Showcase | undefined {
		return current ? showcaseProblem(current.index.byProblem, from, to) : undefined;
	},

	/** The open bundle as a file: JSON, gzipped when asked. */
	exportBundle(gzip: boolean): Uint8Array {
		if (!current) throw new Error('No study is open.');
		const bytes = new TextEncoder().encode(JSON.stringify(current.bundle));
		const out = gzip ? gzipSync(bytes, { level: 6 }) : bytes;
		return Comlink.transfer(out, [out.buffer as ArrayBuffer]);
	}
};

export type ReportWorkerApi = typeof api;

Comlink.expose(api);
