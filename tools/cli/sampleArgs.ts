// The command line of `reversal-lab sample`, as data; a usage error names the option at fault.
import { parseArgs } from 'node:util';
import { EXTRACTOR_IDS } from '../../src/lib/core/grading';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../../src/lib/engines/registry';
import type { ExtractorId } from '../../src/lib/core/types';
import { CliError, EXIT } from './errors';

export interface SampleArgs {
	command: 'sample';
	server: string;
	model: string;
	label?: string;
	apiKeyEnv?: string;
	problems: string;
	n: number;
	greedy: boolean;
	temperature: number;
	topP: number;
	maxTokens: number;
	seed: number;
	concurrency: number;
	template: 'zero-shot-cot' | 'few-shot-cot' | 'raw' | 'builtin';
	chat: boolean;
	extractor: ExtractorId;
	out: string;
}

export const SAMPLE_USAGE = `Usage:
  reversal-lab sample --server <base-url> --model <name> --problems <problems.jsonl> --n <n> --out <samples.jsonl> [options]

Samples a study through an OpenAI-compatible server (vLLM, llama-server, Ollama, SGLang) with the
app's runner, seeds, prompts and grading; writes samples JSONL, one line per sample as it completes
(greedy as sample_index -1). Rerun the same command with the same --out to take only the missing
samples. The settings and what the server said about itself go to <out>.study.json.

Options:
  --server <url>        base URL, e.g. http://gpu-node:8000/v1 ("/v1" is added to a bare host)
  --model <name>        the served model name (one of GET /v1/models)
  --label <id>          the model's id in the samples file (default: --model)
  --api-key-env <VAR>   read the API key from this environment variable (never from the command line)
  --problems <file>     problem file, JSONL or CSV (as 'npm run problems' writes, or GSM8K/MATH files)
  --n <n>               samples per problem (default 8)
  --greedy              also one greedy sample (temperature 0) per problem
  --temperature <T>     default 0.8      --top-p <P>   default 0.95
  --max-tokens <M>      default 512      --seed <S>    study seed, default 0
  --concurrency <C>     requests in flight (default ${DEFAULT_CONCURRENCY}; the server batches them)
  --template <t>        zero-shot-cot (default), raw, or builtin (the tiny models' format)
  --chat                chat model: /v1/chat/completions (default: /v1/completions)
  --extractor <id>      ${EXTRACTOR_IDS.join(', ')} (default gsm8k-strict)
  --out <file>          samples JSONL to write or resume

Exit codes: 0 done, 1 invalid input, 2 usage, 3 I/O, 4 the server failed (samples kept), 130 stopped.`;

function number(name: string, v: string | undefined, fallback: number, min: number, max: number, int = false): number {
	if (v === undefined) return fallback;
	const x = Number(v);
	if (v.trim() === '' || !Number.isFinite(x) || x < min || x > max || (int && !Number.isInteger(x))) {
		throw new CliError(`--${name} should be ${int ? 'an integer' : 'a number'} between ${min} and ${max} (got "${v}")`, EXIT.usage);
	}
	return x;
}

export function parseSampleArgs(argv: readonly string[]): SampleArgs {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: false,
			strict: true,
			options: {
				server: { type: 'string' },
				model: { type: 'string' },
				label: { type: 'string' },
				'api-key-env': { type: 'string' },
				'api-key': { type: 'string' },
				problems: { type: 'string' },
				n: { type: 'string' },
				greedy: { type: 'boolean' },
				temperature: { type: 'string' },
				'top-p': { type: 'string' },
				'max-tokens': { type: 'string' },
				seed: { type: 'string' },
				concurrency: { type: 'string' },
				template: { type: 'string' },
				chat: { type: 'boolean' },
				extractor: { type: 'string' },
				out: { type: 'string' }
			}
		});
	} catch (e) {
		throw new CliError(`${e instanceof Error ? e.message : String(e)}\n\n${SAMPLE_USAGE}`, EXIT.usage);
	}
	const v = parsed.values;
	if (v['api-key'] !== undefined) throw new CliError('--api-key is not taken: a key on the command line ends up in shell history and process lists. Put it in an environment variable and give its name with --api-key-env.', EXIT.usage);
	for (const required of ['server', 'model', 'problems', 'out'] as const) {
		if (!v[required]) throw new CliError(`sample needs --${required}\n\n${SAMPLE_USAGE}`, EXIT.usage);
	}
	const templates = ['zero-shot-cot', 'few-shot-cot', 'raw', 'builtin'];
	if (v.template !== undefined && !templates.includes(v.template)) throw new CliError(`--template should be one of ${templates.join(', ')} (got "${v.template}")`, EXIT.usage);
	if (v.extractor !== undefined && !(EXTRACTOR_IDS as readonly string[]).includes(v.extractor)) {
		throw new CliError(`--extractor should be one of ${EXTRACTOR_IDS.join(', ')} (got "${v.extractor}")`, EXIT.usage);
	}
	return {
		command: 'sample',
		server: v.server as string,
		model: v.model as string,
		...(v.label ? { label: v.label } : {}),
		...(v['api-key-env'] ? { apiKeyEnv: v['api-key-env'] } : {}),
		problems: v.problems as string,
		n: number('n', v.n, 8, 0, 100_000, true),
		greedy: v.greedy ?? false,
		temperature: number('temperature', v.temperature, 0.8, 0, 5),
		topP: number('top-p', v['top-p'], 0.95, 0, 1),
		maxTokens: number('max-tokens', v['max-tokens'], 512, 1, 1_000_000, true),
		seed: number('seed', v.seed, 0, 0, 0xffffffff, true),
		concurrency: number('concurrency', v.concurrency, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY, true),
		template: (v.template ?? 'zero-shot-cot') as SampleArgs['template'],
		chat: v.chat ?? false,
		extractor: (v.extractor ?? 'gsm8k-strict') as ExtractorId,
		out: v.out as string
	};
}
