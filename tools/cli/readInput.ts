import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Duplex } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
	detectFormat,
	formatIssues,
	importSamplesJsonl,
	isGzip,
	isStudyError,
	MAX_FILE_BYTES,
	MAX_LINE_CHARS,
	readStudyFiles,
	splitChunkLines,
	type GunzipStream,
	textOfBytes,
	truncationWarnings,
	type ReadResult
} from '../../src/lib/core/study';
import { fileChunks, openWithHead } from './fileChunks';
import type { Bundle, Lap, Problem, Sample } from '../../src/lib/core/types';
import type { ReportArgs } from './args';
import { CliError, EXIT } from './errors';

/** Node's zlib as a web stream, in 1 MB chunks (checks CRC and length, like DecompressionStream). */
export const nodeGunzip = () => Duplex.toWeb(createGunzip({ chunkSize: 1 << 20 })) as GunzipStream;

async function readText(path: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		// "-" is standard input: `gunzip -c run.jsonl.gz | reversal-lab report -`.
		const size = path === '-' ? 0 : statSync(path).size;
		if (size > MAX_FILE_BYTES) throw new CliError(`${path}: too large (the file is ${(size / 1e6).toFixed(0)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit)`, EXIT.invalidInput);
		bytes = readFileSync(path === '-' ? 0 : path);
	} catch (e) {
		if (e instanceof CliError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		throw new CliError(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? e)})`, EXIT.io);
	}
	try {
		return await textOfBytes(bytes, { gunzip: nodeGunzip });
	} catch (e) {
		if (isStudyError(e)) throw new CliError(`${path}: ${e.message}`, EXIT.invalidInput);
		throw e;
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

/**
 * The streaming path of the usual case, one plain (not gzipped) samples JSONL file: its lines are
 * read, parsed and validated a few megabytes at a time, never held as one text. Undefined when the
 * file is anything else (its first line tells), which then takes the whole-text path.
 */
function streamSamplesJsonl(path: string, args: ReportArgs, lap?: Lap, onSample?: (sample: Sample, problem: Problem) => void): { bundle: Bundle; warnings: string[] } | undefined {
	let file: ReturnType<typeof openWithHead>;
	try {
		if (statSync(path).size > MAX_FILE_BYTES) return undefined;
		file = openWithHead(path);
	} catch {
		return undefined; // the whole-text path words the error
	}
	try {
		if (isGzip(file.head)) return undefined;
		let firstLine: string;
		try {
			const head = new TextDecoder('utf-8', { fatal: true }).decode(file.head.subarray(0, file.head.indexOf(10)));
			firstLine = head;
		} catch {
			return undefined;
		}
		if (file.head.indexOf(10) < 0 || detectFormat(firstLine) !== 'samples-jsonl') return undefined;
		lap?.('read');
		const options = { name: basename(path), createdAt: new Date().toISOString(), ...(args.models ? { models: args.models } : {}), ...(lap ? { lap } : {}), ...(onSample ? { onSample } : {}) };
		let r: ReadResult;
		try {
			r = { ...importSamplesJsonl(splitChunkLines(fileChunks(file.fd, file.head), MAX_LINE_CHARS), options), format: 'samples-jsonl' };
		} catch (e) {
			if (isStudyError(e)) throw new CliError(`${path}: ${e.message}`, EXIT.invalidInput);
			throw e;
		}
		if (!r.ok) fail(path, r);
		return { bundle: r.bundle, warnings: [...r.warnings, ...truncationWarnings(r.bundle)] };
	} finally {
		file.close();
	}
}

/**
 * The bundle the command line names: one bundle or samples file, or several lm-eval files (one model
 * each). A plain samples JSONL tells `onSample` of each sample, with its problem, as it is accepted
 * (in file order); other files tell nothing.
 */
export async function readInput(args: ReportArgs, lap?: Lap, onSample?: (sample: Sample, problem: Problem) => void): Promise<{ bundle: Bundle; warnings: string[] }> {
	if (args.files.length > 1 && args.models && args.models.length !== args.files.length) {
		throw new CliError(`--models names ${args.models.length} models for ${args.files.length} files`, EXIT.usage);
	}
	const [only] = args.files;
	if (args.files.length === 1 && only !== undefined && only !== '-') {
		const streamed = streamSamplesJsonl(only, args, lap, onSample);
		if (streamed) return streamed;
	}
	const texts: string[] = [];
	for (const path of args.files) texts.push(await readText(path));
	lap?.('read');
	const files = args.files.map((path, i) => {
		const text = texts[i] ?? '';
		const name = path === '-' ? 'stdin' : basename(path);
		// One file that is not lm-eval: --models gives the order of its models, not a name.
		const lmEval = args.files.length > 1 || detectFormat(text) === 'lm-eval-jsonl';
		return { name, text, ...(lmEval ? { model: args.models?.[i] ?? lmEvalModel(path) } : {}) };
	});
	const single = files.length === 1 && files[0]?.model === undefined;
	// --extractor is applied after reading (regradeBundle), so its effect is counted against the file's own grades.
	const r = readStudyFiles(files, { filter: args.filter, createdAt: new Date().toISOString(), ...(single ? { models: args.models } : {}), ...(lap ? { lap } : {}) });
	if (!r.ok) {
		if (files.length > 1 && r.format === undefined) throw new CliError(`${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`, EXIT.usage);
		fail(args.files.join(', '), r);
	}
	return { bundle: r.bundle, warnings: [...r.warnings, ...truncationWarnings(r.bundle)] };
}
