import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { gunzipSync } from 'fflate';
import { detectFormat, formatIssues, isGzip, readStudyFiles, truncationWarnings, type ReadResult } from '../../src/lib/core/study';
import type { Bundle } from '../../src/lib/core/types';
import type { ReportArgs } from './args';
import { CliError, EXIT } from './errors';

/** Largest file read (after gunzip): beyond this a JavaScript string cannot hold it reliably. */
const MAX_FILE_BYTES = 400_000_000;

function readText(path: string): string {
	let bytes: Uint8Array;
	try {
		// "-" is standard input: `gunzip -c run.jsonl.gz | reversal-lab report -`.
		const size = path === '-' ? 0 : statSync(path).size;
		if (size > MAX_FILE_BYTES) throw new CliError(`${path}: the file is ${(size / 1e6).toFixed(0)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit`, EXIT.invalidInput);
		bytes = readFileSync(path === '-' ? 0 : path);
		if (bytes.length > MAX_FILE_BYTES) throw new CliError(`${path}: over the ${MAX_FILE_BYTES / 1e6} MB limit`, EXIT.invalidInput);
	} catch (e) {
		if (e instanceof CliError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		throw new CliError(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? e)})`, EXIT.io);
	}
	if (isGzip(bytes)) {
		try {
			bytes = gunzipSync(bytes);
		} catch {
			throw new CliError(`${path}: the gzip data is damaged or truncated`, EXIT.invalidInput);
		}
		if (bytes.length > MAX_FILE_BYTES) throw new CliError(`${path}: expands to ${(bytes.length / 1e6).toFixed(0)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit`, EXIT.invalidInput);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CliError(`${path}: not UTF-8 text (is it a binary file?)`, EXIT.invalidInput);
	}
}

/** lm-eval writes <output>/<model>/samples_<task>_<date>.jsonl: the folder names the model. */
function lmEvalModel(path: string): string {
	const file = basename(path);
	const folder = basename(dirname(resolve(path)));
	return /^samples_/.test(file) && folder ? folder : file.replace(/\.jsonl(\.gz)?$/i, '');
}

function fail(path: string, r: Extract<ReadResult, { ok: false }>): never {
	throw new CliError(`${path}: not a valid study file:\n${formatIssues(r.errors, r.omitted)}`, EXIT.invalidInput);
}

/** The bundle the command line names: one bundle or samples file, or several lm-eval files (one model each). */
export function readInput(args: ReportArgs): { bundle: Bundle; warnings: string[] } {
	if (args.files.length > 1 && args.models && args.models.length !== args.files.length) {
		throw new CliError(`--models names ${args.models.length} models for ${args.files.length} files`, EXIT.usage);
	}
	const files = args.files.map((path, i) => {
		const text = readText(path);
		const name = path === '-' ? 'stdin' : basename(path);
		// One file that is not lm-eval: --models gives the order of its models, not a name.
		const lmEval = args.files.length > 1 || detectFormat(text) === 'lm-eval-jsonl';
		return { name, text, ...(lmEval ? { model: args.models?.[i] ?? lmEvalModel(path) } : {}) };
	});
	const single = files.length === 1 && files[0]?.model === undefined;
	// --extractor is applied after reading (regradeBundle), so its effect is counted against the file's own grades.
	const r = readStudyFiles(files, { filter: args.filter, createdAt: new Date().toISOString(), ...(single ? { models: args.models } : {}) });
	if (!r.ok) {
		if (files.length > 1 && r.format === undefined) throw new CliError(`${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`, EXIT.usage);
		fail(args.files.join(', '), r);
	}
	return { bundle: r.bundle, warnings: [...r.warnings, ...truncationWarnings(r.bundle)] };
}
