import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { computeReport, tidyRows, toCsv, type Report, type ReportBuildOptions } from '../../src/lib/core/metrics';
import type { Lap, Problem, Sample } from '../../src/lib/core/types';
import { bundleJsonSchema, createRegrader, regradeBundle, regradedStudy } from '../../src/lib/core/study';
import { terminalSafe } from '../../src/lib/core/text';
import { parseCliArgs, USAGE, type ReportArgs } from './args';
import { computeReportThreaded } from './computeReportThreaded';
import { CliError, EXIT, type ExitCode } from './errors';
import { formatReport } from './formatReport';
import { createGroupFeed, type GroupFeed } from './groupFeed';
import { phaseClock } from './phaseClock';
import { readInput } from './readInput';
import { sample, type SampleIo } from './sample';
import { parseSampleArgs, SAMPLE_USAGE } from './sampleArgs';

/** What the command line reads and writes through; `sample` needs no more than the report does. */
export type Io = SampleIo;

const VERSION = '0.1.0';
// Below ~20,000 samples one thread finishes first: measured when workers ran under tsx (which compiles
// the core again in each, a good part of a second); the bundled CLI starts them faster (not re-measured).
const FEED_AFTER = 20_000;

function write(path: string, text: string): void {
	try {
		writeFileSync(path, text);
	} catch (e) {
		throw new CliError(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, EXIT.io);
	}
}

async function report(args: ReportArgs, io: Io): Promise<void> {
	const clock = args.timings ? phaseClock() : undefined;
	const lap = clock?.lap;
	// Worker threads take each (model, problem) while the file is still being read.
	const threads = args.threads ?? availableParallelism();
	const feed = threads > 1 ? createGroupFeed(threads, args.threads === undefined ? FEED_AFTER : 0) : undefined;
	let used: number;
	try {
		used = await reportWith(args, io, feed, lap);
	} finally {
		feed?.close();
	}
	lap?.('output');
	if (clock) io.err(`timings: ${JSON.stringify({ threads: used, ...clock.summary() })}\n`);
}

/** The report of `args`; returns the number of threads that computed its statistics. */
async function reportWith(args: ReportArgs, io: Io, feed: GroupFeed | undefined, lap: Lap | undefined): Promise<number> {
	// --extractor grades each sample again as the file streams in, so the threads take the new grades;
	// a file read whole (gzip, a bundle, lm-eval) is graded again once it is read.
	const regrader = args.extractor !== undefined ? createRegrader(args.extractor) : undefined;
	const streamed: Sample[] = [];
	const onSample = regrader
		? (s: Sample, problem: Problem) => {
				const again = regrader.sample(s, problem);
				streamed.push(again);
				feed?.add(again);
			}
		: feed?.add;
	const input = await readInput(args, lap, onSample);
	const warnings = [...input.warnings];
	let bundle = input.bundle;
	if (args.extractor !== undefined && regrader) {
		const regraded = streamed.length === bundle.samples.length ? { bundle: regradedStudy(bundle, args.extractor, streamed), changed: regrader.changed } : regradeBundle(bundle, args.extractor);
		bundle = regraded.bundle;
		warnings.push(`every sample was graded again with the '${args.extractor}' extractor: ${regraded.changed} of ${bundle.samples.length} verdicts changed`);
		lap?.('grade');
	}
	if (args.reference !== undefined && !bundle.models.some((m) => m.id === args.reference)) {
		throw new CliError(`--reference: unknown model id '${args.reference}' (models: ${bundle.models.map((m) => m.id).join(', ')})`, EXIT.usage);
	}
	let threads = args.threads ?? (bundle.samples.length < FEED_AFTER ? 1 : availableParallelism());
	const options: ReportBuildOptions = {
		...(args.reference !== undefined ? { reference: args.reference } : {}),
		...(args.bootstrap !== undefined ? { bootstrap: args.bootstrap } : {}),
		...(args.seed !== undefined ? { bootstrapSeed: args.seed } : {}),
		...(args.minEffect ? { minEffect: args.minEffect } : {}),
		...(lap ? { lap } : {})
	};
	let result: Report;
	if (feed?.started) {
		const precomputed = await feed.finish(bundle, options);
		feed.close();
		threads = feed.threads;
		lap?.('diversity');
		result = computeReport(bundle, { ...options, precomputed });
	} else result = await computeReportThreaded(bundle, options, threads);
	if (args.csv) write(args.csv, toCsv(tidyRows(result)));
	if (args.json) write(args.json, JSON.stringify(result, null, 2) + '\n');
	if (!args.quiet) {
		for (const w of warnings) io.err(`note: ${w}\n`);
		io.out(formatReport(result, bundle));
		if (args.csv) io.out(`\nwrote ${args.csv}\n`);
		if (args.json) io.out(`wrote ${args.json}\n`);
	}
	return threads;
}

/** Runs one command line; returns the exit code. Errors become one message on stderr, never a stack trace. */
export async function run(argv: readonly string[], terminal: Io): Promise<ExitCode> {
	// Labels, names and file contents quoted in errors come from someone else's file: no escape
	// sequence reaches the terminal (stdout and stderr alike); CSV and JSON files are written as is.
	const io: Io = { ...terminal, out: (t) => terminal.out(terminalSafe(t)), err: (t) => terminal.err(terminalSafe(t)) };
	try {
		if (argv[0] === 'sample') {
			if (argv.includes('--help') || argv.includes('-h')) return (io.out(SAMPLE_USAGE + '\n'), EXIT.ok);
			return (await sample(parseSampleArgs(argv.slice(1)), io)) as ExitCode;
		}
		const args = parseCliArgs(argv);
		if (args.command === 'help') io.out(USAGE + '\n');
		else if (args.command === 'version') io.out(`reversal-lab ${VERSION}\n`);
		else if (args.command === 'schema') io.out(JSON.stringify(bundleJsonSchema(), null, '\t') + '\n');
		else await report(args, io);
		return EXIT.ok;
	} catch (e) {
		if (e instanceof CliError) {
			io.err(`reversal-lab: ${e.message}\n`);
			return e.exitCode;
		}
		io.err(`reversal-lab: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
		return EXIT.invalidInput;
	}
}
