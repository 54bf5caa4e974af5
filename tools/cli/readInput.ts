import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { gunzipSync } from 'fflate';
import { detectFormat, formatIssues, importLmEval, isGzip, readStudyText, type ReadResult } from '../../src/lib/core/study';
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
	// --extractor is applied after reading (regradeBundle), so its effect is counted against the file's own grades.
	const options = { filter: args.filter, createdAt: new Date().toISOString() };
	if (args.files.length === 1) {
		const path = args.files[0] as string;
		const text = readText(path);
		const isLmEval = detectFormat(text) === 'lm-eval-jsonl';
		const r = readStudyText(text, {
			...options,
			name: path === '-' ? 'stdin' : basename(path),
			...(isLmEval ? { model: args.models?.[0] ?? lmEvalModel(path) } : { models: args.models })
		});
		if (!r.ok) fail(path, r);
		return { bundle: r.bundle, warnings: r.warnings };
	}
	if (args.models && args.models.length !== args.files.length) {
		throw new CliError(`--models names ${args.models.length} models for ${args.files.length} files`, EXIT.usage);
	}
	const files = args.files.map((path, i) => {
		const text = readText(path);
		if (detectFormat(text) !== 'lm-eval-jsonl') {
			throw new CliError(`${path}: several files are read only as lm-evaluation-harness --log_samples files (one model each); give a bundle or samples file alone`, EXIT.usage);
		}
		return { model: args.models?.[i] ?? lmEvalModel(path), text, name: basename(path) };
	});
	const r = importLmEval(files, { ...options, name: files.map((f) => f.name).join(' + ') });
	if (!r.ok) fail(args.files.join(', '), { ...r });
	return { bundle: r.bundle, warnings: r.warnings };
}
