// Writes a problem set as JSONL (or CSV), so the same problems can be sampled elsewhere
// (e.g. vLLM on a GPU server) and the samples imported back.
//   npm run problems -- --preset offline --seed 7 --count 200 --out problems.jsonl
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PRESETS, assemblePreset, generateProblems, presetById, problemsToCsv, problemsToJsonl, type GeneratorFamily } from '../src/lib/core/problems';
import type { Problem, Split } from '../src/lib/core/types';
import { loadPreset } from '../src/lib/datasets/loadPreset';
import { memoryCache } from '../src/lib/datasets/loadRows';
import { DEFAULT_DATASETS_BASE } from '../src/lib/datasets/fetchRows';

const HELP = `Usage: npm run problems -- [options]

  --preset <id>     ${PRESETS.map((p) => p.id).join(' | ')} (default offline)
  --family <name>   arithmetic | word | offline: only the built-in generator, instead of a preset
  --seed <n>        integer seed (default 0)
  --count <n>       number of problems (default 100)
  --split <s>       in-domain | ood | both (built-in generator only; default both)
  --levels <list>   e.g. 1,2,3 (built-in generator only; default 1-5)
  --format <f>      jsonl | csv (default from --out's extension, else jsonl)
  --datasets <url>  datasets-server base URL for online presets (default ${DEFAULT_DATASETS_BASE})
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
			out: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) return void process.stdout.write(HELP);
	const seed = int('seed', values.seed, 0);
	const count = int('count', values.count, 100);
	let problems: Problem[];
	if (values.family) {
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

main().catch((e: unknown) => {
	process.stderr.write(`problems: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
