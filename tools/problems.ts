// Writes a problem set as JSONL (or CSV), so the same problems can be sampled elsewhere
// (e.g. vLLM on a GPU server) and the samples imported back.
//   npm run problems -- --preset offline --seed 7 --count 200 --out problems.jsonl
//   npm run problems -- --from gsm8k_test.jsonl --out problems.jsonl   (the upload's own code path)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
	PRESETS,
	assemblePreset,
	decodeUpload,
	generateProblems,
	guessMapping,
	mapFields,
	parseProblemFile,
	presetById,
	problemsToCsv,
	problemsToJsonl,
	type FieldMapping,
	type GeneratorFamily
} from '../src/lib/core/problems';
import type { Problem, Split } from '../src/lib/core/types';
import { loadPreset } from '../src/lib/datasets/loadPreset';
import { memoryCache } from '../src/lib/datasets/loadRows';
import { DEFAULT_DATASETS_BASE } from '../src/lib/datasets/fetchRows';

const MAPPED = ['question', 'answer', 'id', 'split', 'level', 'subject', 'solution', 'choices'] as const;

const HELP = `Usage: npm run problems -- [options]

  --preset <id>     ${PRESETS.map((p) => p.id).join(' | ')} (default offline)
  --family <name>   arithmetic | word | offline: only the built-in generator, instead of a preset
  --seed <n>        integer seed (default 0)
  --count <n>       number of problems (default 100)
  --split <s>       in-domain | ood | both (built-in generator only; default both)
  --levels <list>   e.g. 1,2,3 (built-in generator only; default 1-5)
  --format <f>      jsonl | csv (default from --out's extension, else jsonl)
  --datasets <url>  datasets-server base URL for online presets (default ${DEFAULT_DATASETS_BASE})
  --from <file>     convert a problem file (.jsonl, or .csv) exactly as the Problems page's upload does:
                    the same column guesses, the same gold rules, the same notes
  --map <list>      with --from: columns to use instead of the guesses, e.g. question=problem,answer=,level=level
                    (fields: ${MAPPED.join(', ')}; an empty column unmaps a field)
  --answer-as-is    with --from: keep the answer column as written, even when it holds worked solutions
  --out <file>      output file (default: standard output)
`;

function fail(message: string): never {
	process.stderr.write(`problems: ${message}\n\n${HELP}`);
	process.exit(2);
}

function int(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^-?\d+$/.test(value)) fail(`--${name} should be an integer; got "${value}".`);
	return Number(value);
}

async function main() {
	const { values } = parseArgs({
		options: {
			preset: { type: 'string' },
			family: { type: 'string' },
			seed: { type: 'string' },
			count: { type: 'string' },
			split: { type: 'string' },
			levels: { type: 'string' },
			format: { type: 'string' },
			datasets: { type: 'string' },
			from: { type: 'string' },
			map: { type: 'string' },
			'answer-as-is': { type: 'boolean' },
			out: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) return void process.stdout.write(HELP);
	const seed = int('seed', values.seed, 0);
	const count = int('count', values.count, 100);
	let problems: Problem[];
	if (values.from) problems = fromFile(values.from, values.map, values['answer-as-is'] === true);
	else if (values.map || values['answer-as-is']) fail('--map and --answer-as-is go with --from.');
	else if (values.family) {
		if (!['arithmetic', 'word', 'offline'].includes(values.family)) fail(`--family should be arithmetic, word or offline; got "${values.family}".`);
		const split = (values.split ?? 'both') as Split | 'both';
		if (!['in-domain', 'ood', 'both'].includes(split)) fail(`--split should be in-domain, ood or both; got "${values.split}".`);
		const levels = values.levels?.split(',').map((l) => int('levels', l.trim(), 0));
		problems = generateProblems({ family: values.family as GeneratorFamily, seed, count, split, levels });
	} else {
		const preset = presetById(values.preset ?? 'offline') ?? fail(`--preset should be one of ${PRESETS.map((p) => p.id).join(', ')}; got "${values.preset}".`);
		if (!preset.online) problems = assemblePreset(preset, [], count, seed).problems;
		else {
			const set = await loadPreset(preset.id, {
				baseUrl: values.datasets ?? DEFAULT_DATASETS_BASE,
				cache: memoryCache(),
				seed,
				count,
				onProgress: (p) => process.stderr.write(`${p.text}\n`)
			});
			if (set.skipped) process.stderr.write(`${set.skipped} rows could not be read and were skipped.\n`);
			problems = set.problems;
		}
	}
	const format = values.format ?? (values.out?.endsWith('.csv') ? 'csv' : 'jsonl');
	if (format !== 'jsonl' && format !== 'csv') fail(`--format should be jsonl or csv; got "${format}".`);
	const text = format === 'csv' ? problemsToCsv(problems) : problemsToJsonl(problems);
	if (values.out) {
		writeFileSync(values.out, text);
		process.stderr.write(`Wrote ${problems.length} problems to ${values.out}.\n`);
	} else process.stdout.write(text);
}

/** The upload's path (decodeUpload, parseProblemFile, guessMapping, mapFields), its notes and issues on standard error. */
function fromFile(path: string, map: string | undefined, answerAsIs: boolean): Problem[] {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new Error(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
	}
	const table = parseProblemFile(decodeUpload(bytes), basename(path));
	const mapping: Partial<FieldMapping> = { ...guessMapping(table.columns), answerAsIs };
	for (const pair of map ? map.split(',') : []) {
		const [field = '', column = ''] = pair.split('=').map((x) => x.trim());
		if (!(MAPPED as readonly string[]).includes(field)) fail(`--map: "${field}" is not a field; use ${MAPPED.join(', ')}.`);
		if (column && !table.columns.includes(column)) fail(`--map: ${path} has no column "${column}" (its columns: ${table.columns.join(', ')}).`);
		mapping[field as (typeof MAPPED)[number]] = column || undefined;
	}
	const used = MAPPED.filter((f) => mapping[f]).map((f) => `${f} <- ${mapping[f]}`);
	process.stderr.write(`${path}: ${table.records.length} records; columns ${used.join(', ')}\n`);
	const result = mapFields(table, { question: '', ...mapping });
	for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
	for (const issue of result.issues.slice(0, 20)) process.stderr.write(`${issue.line ? '' : 'error: '}${issue.message}\n`);
	if (result.issues.length > 20) process.stderr.write(`... and ${result.issues.length - 20} more\n`);
	if (result.problems.length === 0) throw new Error(`${path}: no problem could be read.`);
	if (result.issues.length) process.stderr.write(`${result.issues.length} records need attention and were left out; the other ${result.problems.length} are written.\n`);
	return result.problems;
}

main().catch((e: unknown) => {
	process.stderr.write(`problems: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
