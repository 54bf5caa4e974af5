// Runtime schemas of the data model. types.ts stays the single source of truth: the checks at the
// bottom fail to compile when a schema and its type drift apart.
import { z } from 'zod';
import './zodSetup';
import type {
	Bundle,
	Environment,
	ModelRef,
	TrainingRecord,
	Problem,
	ProblemSetRef,
	PromptTemplate,
	Sample,
	SamplingParams,
	StudyConfig
} from '../types';
import { MAX_LINE_CHARS as MAX_TEXT_CHARS } from './limits';

const id = z.string().min(1, { error: 'should be a non-empty string' }).max(500, { error: 'should be at most 500 characters' });
const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	z
		.number({ error: `should be an integer >= ${min}` })
		.int({ error: `should be an integer >= ${min}` })
		.min(min, { error: `should be an integer >= ${min}` })
		.max(max, { error: `should be an integer <= ${max}` });
const finite = z.number({ error: 'should be a finite number' });

export const ProblemSchema = z.object({
	id,
	question: z.string(),
	answer: z.string(),
	answerType: z.enum(['number', 'latex', 'choice']),
	choices: z.array(z.string()).optional(),
	split: z.enum(['in-domain', 'ood']),
	level: int(1).optional(),
	subject: z.string().optional(),
	solution: z.string().optional()
});

const num = z.number().refine(Number.isFinite, { error: 'should be a finite number' });

export const TrainingRecordSchema = z.object({
	method: z.enum(['sft', 'dpo']),
	from: z.object({ id: z.string(), label: z.string(), sha256: z.string() }),
	sha256: z.string(),
	pool: z.object({ family: z.enum(['word', 'arithmetic', 'offline']), seed: z.number().int(), count: int(0, 100_000), split: z.enum(['in-domain', 'ood']), levels: z.array(int(1, 5)) }),
	sampling: z.object({ n: int(1, 64), temperature: num, maxTokens: int(1, 4096), seed: z.number().int() }),
	round: z.object({
		filter: z.enum(['answer', 'steps']),
		epochs: num,
		beta: num.optional(),
		nll: num.optional(),
		pairsPerProblem: int(1).optional(),
		train: z.object({ steps: int(0), batch: int(1), lr: num, minLrRatio: num, warmup: int(0), weightDecay: num, seed: z.number().int() })
	}),
	samples: z.array(z.object({ problem: z.string(), index: int(0), text: z.string(), ended: z.boolean() })),
	result: z.object({ kept: int(0), items: int(0), steps: int(0), finalLoss: num.nullable(), seconds: num, threads: int(1, 64).optional() })
});

export const ModelRefSchema = z.object({
	id,
	label: z.string(),
	engine: z.enum(['webllm', 'wllama', 'builtin', 'openai', 'import']),
	source: z.string(),
	serverModel: z.string().optional(),
	order: int(0),
	chat: z.boolean().optional(),
	training: TrainingRecordSchema.optional()
});

export const SamplingParamsSchema = z.object({
	n: int(0, 100_000),
	greedy: z.boolean(),
	temperature: finite.min(0, { error: 'should be a number between 0 and 5' }).max(5, { error: 'should be a number between 0 and 5' }),
	topP: finite.min(0, { error: 'should be a number between 0 and 1' }).max(1, { error: 'should be a number between 0 and 1' }),
	maxTokens: int(1, 1_000_000)
});

export const PromptTemplateSchema = z.object({
	style: z.enum(['zero-shot-cot', 'few-shot-cot', 'raw']),
	form: z.enum(['chat', 'completion']),
	shots: int(0, 64).optional(),
	text: z.string().max(100_000)
});

export const ProblemSetRefSchema = z.object({
	source: z.enum(['builtin', 'huggingface', 'upload', 'import']),
	id: z.string(),
	seed: int(0, 0xffffffff).optional(),
	count: int(0).optional()
});

export const ExtractorSchema = z.enum(['gsm8k-strict', 'flexible', 'answer-is', 'boxed', 'choice', 'auto']);

export const StudyConfigSchema = z.object({
	id,
	name: z.string().max(1000),
	seed: int(0, 0xffffffff),
	sampling: SamplingParamsSchema,
	prompt: PromptTemplateSchema,
	extractor: ExtractorSchema,
	problemSet: ProblemSetRefSchema,
	reference: id.optional()
});

/** What a share link carries: the configuration and, since links made after s2's first release, its models. */
export const SharedStudySchema = StudyConfigSchema.extend({ models: z.array(ModelRefSchema).max(64).optional() });

export const SampleSchema = z.object({
	model: id,
	problem: id,
	index: int(-1),
	seed: int(0, 0xffffffff),
	text: z.string().max(MAX_TEXT_CHARS, { error: `should be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters (the limit for one sample)` }),
	answer: z.string().nullable(),
	correct: z.boolean(),
	tokens: int(0),
	ms: finite.min(0, { error: 'should be a number >= 0' }),
	finish: z.enum(['stop', 'length'], { error: 'should be "stop" or "length"' }).optional()
});

export const EnvironmentSchema = z.object({
	app: z.string(),
	engine: z.string(),
	browser: z.string(),
	adapter: z.string().optional(),
	servers: z
		.array(
			z.object({
				model: z.string(),
				baseUrl: z.string(),
				served: z.string(),
				listed: z.array(z.object({ id: z.string(), ownedBy: z.string().optional() })),
				fingerprints: z.array(z.string()),
				kind: z.enum(['vllm', 'llama.cpp', 'ollama', 'sglang', 'openai', 'unknown']),
				reproducibility: z.string()
			})
		)
		.optional()
});

export const BUNDLE_FORMAT = 'reversal-lab/bundle';
export const BUNDLE_VERSION = 1;

export const BundleSchema = z.object({
	format: z.literal(BUNDLE_FORMAT),
	version: z.literal(BUNDLE_VERSION),
	study: StudyConfigSchema,
	problems: z.array(ProblemSchema),
	models: z.array(ModelRefSchema),
	samples: z.array(SampleSchema),
	environment: EnvironmentSchema,
	createdAt: z.string()
});

// Compile-time equality of each schema's output with its hand-written type.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<_T extends true>(): void {}
assertType<Equals<z.infer<typeof ProblemSchema>, Problem>>();
assertType<Equals<z.infer<typeof ModelRefSchema>, ModelRef>>();
assertType<Equals<z.infer<typeof TrainingRecordSchema>, TrainingRecord>>();
assertType<Equals<z.infer<typeof SamplingParamsSchema>, SamplingParams>>();
assertType<Equals<z.infer<typeof PromptTemplateSchema>, PromptTemplate>>();
assertType<Equals<z.infer<typeof ProblemSetRefSchema>, ProblemSetRef>>();
assertType<Equals<z.infer<typeof StudyConfigSchema>, StudyConfig>>();
assertType<Equals<z.infer<typeof SampleSchema>, Sample>>();
assertType<Equals<z.infer<typeof EnvironmentSchema>, Environment>>();
assertType<Equals<z.infer<typeof BundleSchema>, Bundle>>();
