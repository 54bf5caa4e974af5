// The data model shared by every layer. A study is data: configuration + samples.
// Everything the app shows is computeReport(bundle, options), a pure function of these types.

export type Split = 'in-domain' | 'ood';
export type AnswerType = 'number' | 'latex' | 'choice';

export interface Problem {
	id: string;
	question: string;
	/** Gold answer, as text; graded by the study's extractor and equivalence rules. */
	answer: string;
	answerType: AnswerType;
	/** Option texts for multiple choice, in letter order (A, B, C, ...). */
	choices?: string[];
	split: Split;
	/** Ordinal difficulty, 1 = easiest. */
	level?: number;
	subject?: string;
	/** Optional gold solution (chain of thought), used for few-shot exemplars and training. */
	solution?: string;
}

export type EngineKind = 'webllm' | 'wllama' | 'builtin' | 'openai' | 'import';

export interface ModelRef {
	id: string;
	label: string;
	engine: EngineKind;
	/**
	 * Prebuilt WebLLM id, GGUF URL, built-in model name, the base URL of an OpenAI-compatible server
	 * (engine 'openai', e.g. "http://gpu-node:8000/v1"), or the name used in an imported file.
	 */
	source: string;
	/** Engine 'openai': the model name the server serves it under (one of its GET /v1/models ids). */
	serverModel?: string;
	/** Position in the study's ordered list (0 = first iteration). */
	order: number;
	/** Chat models get their chat template; base models get the raw prompt. */
	chat?: boolean;
	/** Set for a model trained in this app (the live loop): how, from what, on which samples. */
	training?: TrainingRecord;
}

/**
 * One round of the paper's Algorithm 1 as run in the page: the start model, the pool and its
 * samples, and every setting of the training step. Retraining from it (tools/train/replay.ts) gives
 * the same GGUF, byte for byte.
 */
export interface TrainingRecord {
	method: 'sft' | 'dpo';
	from: { id: string; label: string; sha256: string };
	/** sha256 of the trained GGUF. */
	sha256: string;
	/** The generated training problems (generateProblems options). */
	pool: { family: 'word' | 'arithmetic' | 'offline'; seed: number; count: number; split: Split; levels: number[] };
	sampling: { n: number; temperature: number; maxTokens: number; seed: number };
	round: {
		filter: 'answer' | 'steps';
		epochs: number;
		beta?: number;
		nll?: number;
		pairsPerProblem?: number;
		train: { steps: number; batch: number; lr: number; minLrRatio: number; warmup: number; weightDecay: number; seed: number };
	};
	samples: { problem: string; index: number; text: string; ended: boolean }[];
	/** `threads`: how many computed the gradients (1 when absent); the trained bytes do not depend on it. */
	result: { kept: number; items: number; steps: number; finalLoss: number | null; seconds: number; threads?: number };
}

export interface SamplingParams {
	/** Sampled outputs per (model, problem). */
	n: number;
	/** Also take one greedy output (temperature 0) per (model, problem). */
	greedy: boolean;
	temperature: number;
	topP: number;
	maxTokens: number;
}

export type ExtractorId = 'gsm8k-strict' | 'flexible' | 'answer-is' | 'boxed' | 'choice' | 'auto';

export type PromptStyle = 'zero-shot-cot' | 'few-shot-cot' | 'raw';
export type PromptForm = 'chat' | 'completion';

/** One message of a chat prompt (what a chat-form template renders; engines send it as it is). */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface PromptTemplate {
	style: PromptStyle;
	form: PromptForm;
	/** Number of exemplars for few-shot; exemplars come from a pool disjoint from the test problems. */
	shots?: number;
	/** The template text with {question} (and {exemplars}) placeholders, shown to the user. */
	text: string;
}

export interface ProblemSetRef {
	source: 'builtin' | 'huggingface' | 'upload' | 'import';
	/** Preset or dataset name, e.g. 'offline', 'paper', 'gsm8k'. */
	id: string;
	seed?: number;
	count?: number;
}

export interface StudyConfig {
	id: string;
	name: string;
	/** Study seed: every sample seed derives from it (see study/sampleSeed). */
	seed: number;
	sampling: SamplingParams;
	prompt: PromptTemplate;
	extractor: ExtractorId;
	problemSet: ProblemSetRef;
	/** Model id of the reference; the first model when absent. */
	reference?: string;
}

/** Why generation ended: the model stopped by itself (end of text, a stop string) or hit max tokens. */
export type FinishReason = 'stop' | 'length';

/** index -1 marks the greedy output; 0..n-1 the sampled ones. */
export const GREEDY_INDEX = -1;

export interface Sample {
	model: string;
	problem: string;
	index: number;
	seed: number;
	text: string;
	/** Extracted answer, or null when the extractor found none. */
	answer: string | null;
	correct: boolean;
	tokens: number;
	ms: number;
	/** Why the output ended, when the engine said; 'length' = cut at max tokens. */
	finish?: FinishReason;
}

export interface Environment {
	app: string;
	engine: string;
	browser: string;
	adapter?: string;
	/** What each OpenAI-compatible server said about itself, one entry per model sampled through one. */
	servers?: ServerEnvironment[];
}

/** An OpenAI-compatible server as a bundle records it (never its API key). */
export interface ServerEnvironment {
	/** The study's model id. */
	model: string;
	baseUrl: string;
	/** The model id the server answered with (its responses' `model` field). */
	served: string;
	/** Every model id GET /v1/models listed, with its `owned_by` when given. */
	listed: { id: string; ownedBy?: string }[];
	/** Every distinct `system_fingerprint` the responses carried (empty when the server sends none). */
	fingerprints: string[];
	/** vllm, llama.cpp, ollama, sglang, openai or unknown: from what the server says about itself. */
	kind: ServerKind;
	/** What that kind of server guarantees for seeded sampling, in words (see serverReproducibility). */
	reproducibility: string;
}

export type ServerKind = 'vllm' | 'llama.cpp' | 'ollama' | 'sglang' | 'openai' | 'unknown';

export interface Bundle {
	format: 'reversal-lab/bundle';
	version: 1;
	study: StudyConfig;
	problems: Problem[];
	models: ModelRef[];
	samples: Sample[];
	environment: Environment;
	createdAt: string;
}

/** The key that makes a sample unique within a bundle. */
export function sampleKey(s: Pick<Sample, 'model' | 'problem' | 'index'>): string {
	return `${s.model}\u0000${s.problem}\u0000${s.index}`;
}

/** The phases of the path from a results file to a report, as a benchmark breaks them down. */
export type Phase = 'read' | 'parse' | 'validate' | 'grade' | 'stats' | 'diversity' | 'bootstrap' | 'output';

/**
 * Called as each phase of work ends: the time since the previous call belongs to `phase`. Optional
 * everywhere and never read back, so timing cannot change a result.
 */
export type Lap = (phase: Phase) => void;
