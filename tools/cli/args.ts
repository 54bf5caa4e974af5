import { parseArgs } from 'node:util';
import { EXTRACTOR_IDS } from '../../src/lib/core/grading';
import type { ExtractorId } from '../../src/lib/core/types';
import type { MinEffect } from '../../src/lib/core/metrics/reportTypes';
import { CliError, EXIT } from './errors';

export interface ReportArgs {
	command: 'report';
	files: string[];
	csv?: string;
	json?: string;
	reference?: string;
	bootstrap?: number;
	seed?: number;
	extractor?: ExtractorId;
	/** lm-eval files: model ids in file order (comma-separated on the command line). */
	models?: string[];
	filter?: string;
	/** The verdict's minimum effects, as given (the rest keep their defaults). */
	minEffect?: Partial<MinEffect>;
	/** Threads for the per-problem statistics; default the machine's cores. */
	threads?: number;
	/** Print where the time went (phases, CPU, peak memory) to stderr. */
	timings: boolean;
	quiet: boolean;
}

export type Args = ReportArgs | { command: 'schema' } | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  reversal-lab report <file> [options]      headline table and verdicts of a study
  reversal-lab report <a.jsonl> <b.jsonl>   lm-eval --log_samples files, one model per file
  reversal-lab sample --server <url> --model <name> --problems <file> --out <samples.jsonl> [options]
                                            sample through an OpenAI-compatible server (sample --help)
  reversal-lab schema                       print the bundle JSON Schema
  reversal-lab --help | --version

<file>: a bundle (.json or .json.gz), a samples JSONL file, or an lm-evaluation-harness
--log_samples JSONL file (gzip is detected by content, not by name); "-" reads standard input.

Options:
  --csv <path>          write the tidy table: model,metric,subset,k,value,ci_low,ci_high
  --json <path>         write the whole report as JSON
  --reference <model>   reference model id (default: the study's, else the first model)
  --bootstrap <B>       bootstrap resamples for intervals (default 2000; 0 = no intervals)
  --seed <n>            bootstrap seed (default: the study seed)
  --min-effect <k=v,...> the least change a verdict signal must show beside a clear interval, as
                        accuracy=<share>,diversity=<0-1>,problems=<count> (default 0.02, 0.02, 1)
  --extractor <id>      grade every sample again from its text with: ${EXTRACTOR_IDS.join(', ')}
                        (without it: a bundle keeps its grades; imported lines lacking "correct" use auto)
  --models <a,b,...>    model ids: order of a samples file, or names of lm-eval files in order
  --filter <name>       lm-eval: whose per-doc metric counts (e.g. strict-match; default the first)
  --threads <n>         threads for the per-problem statistics (default: the machine's cores,
                        one below 20,000 samples); the report is the same, byte for byte
  --timings             print where the time went (read, parse, validate, grade, stats,
                        diversity, bootstrap, output), CPU time and peak memory to stderr
  --quiet               print nothing but errors

Exit codes: 0 ok, 1 invalid input file, 2 usage error, 3 file could not be read or written.`;

function intOption(name: string, value: string | undefined, min: number): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
		throw new CliError(`--${name} should be an integer >= ${min} (got "${value}")`, EXIT.usage);
	}
	return Number(value);
}

const MIN_EFFECT_KINDS = ['accuracy', 'diversity', 'problems'] as const;

/** "accuracy=0.05,problems=2": each part a kind and a non-negative number. */
function minEffectOption(value: string): Partial<MinEffect> {
	const out: Partial<MinEffect> = {};
	for (const part of value.split(',')) {
		const [kind, number, ...rest] = part.split('=').map((s) => s.trim());
		const v = Number(number);
		if (!(MIN_EFFECT_KINDS as readonly (string | undefined)[]).includes(kind) || rest.length > 0 || number === undefined || number === '' || !(v >= 0) || !Number.isFinite(v)) {
			throw new CliError(`--min-effect: "${part}" should be ${MIN_EFFECT_KINDS.map((k) => `${k}=<number >= 0>`).join(', ')} (got "${value}")`, EXIT.usage);
		}
		out[kind as keyof MinEffect] = v;
	}
	return out;
}

/** The command line as data; a usage error names the option at fault. */
export function parseCliArgs(argv: readonly string[]): Args {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				csv: { type: 'string' },
				json: { type: 'string' },
				reference: { type: 'string' },
				bootstrap: { type: 'string' },
				seed: { type: 'string' },
				extractor: { type: 'string' },
				'min-effect': { type: 'string' },
				models: { type: 'string' },
				filter: { type: 'string' },
				threads: { type: 'string' },
				timings: { type: 'boolean' },
				quiet: { type: 'boolean', short: 'q' },
				help: { type: 'boolean', short: 'h' },
				version: { type: 'boolean', short: 'v' }
			}
		});
	} catch (e) {
		throw new CliError(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`, EXIT.usage);
	}
	const { values: v, positionals } = parsed;
	if (v.help) return { command: 'help' };
	if (v.version) return { command: 'version' };
	const [command, ...files] = positionals;
	if (command === undefined) return { command: 'help' };
	if (command === 'schema') return { command: 'schema' };
	if (command !== 'report') throw new CliError(`unknown command "${command}"\n\n${USAGE}`, EXIT.usage);
	if (files.length === 0) throw new CliError(`report needs a file: reversal-lab report <file>\n\n${USAGE}`, EXIT.usage);
	if (v.extractor !== undefined && !(EXTRACTOR_IDS as readonly string[]).includes(v.extractor)) {
		throw new CliError(`--extractor should be one of ${EXTRACTOR_IDS.join(', ')} (got "${v.extractor}")`, EXIT.usage);
	}
	const models = v.models?.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
	return {
		command: 'report',
		files,
		csv: v.csv,
		json: v.json,
		reference: v.reference,
		bootstrap: intOption('bootstrap', v.bootstrap, 0),
		seed: intOption('seed', v.seed, 0),
		extractor: v.extractor as ExtractorId | undefined,
		...(v['min-effect'] !== undefined ? { minEffect: minEffectOption(v['min-effect']) } : {}),
		models,
		filter: v.filter,
		threads: intOption('threads', v.threads, 1),
		timings: v.timings ?? false,
		quiet: v.quiet ?? false
	};
}
