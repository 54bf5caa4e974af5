// A llama model with seeded random weights: for tests and benchmarks that need a real GGUF which
// llama.cpp loads and runs, without a trained model. Its output is gibberish by design.
import { mulberry32 } from '../core/random';
import { charVocab } from './charVocab';
import { llamaTensorShapes, writeLlamaGguf, type LlamaConfig } from './writeLlamaGguf';
import type { GgufValue, TensorType } from './ggufTypes';

export const TINY_CONFIG: LlamaConfig = { dim: 64, layers: 2, heads: 4, kvHeads: 4, ff: 128, ctx: 512, ropeTheta: 10000, eps: 1e-5 };

export interface RandomModelOptions {
	seed?: number;
	config?: Partial<LlamaConfig>;
	type?: TensorType;
	name?: string;
	/** Scale of the random weights; larger gives peakier (less uniform) next-token distributions. */
	scale?: number;
	/**
	 * Make end-of-text (almost) impossible, so every generation runs to max tokens: for tests of
	 * long requests (cancel, abort). Done by a residual dimension held constant (no layer writes
	 * to it) that the output projection reads with a large negative weight for the EOS row only.
	 */
	avoidEos?: boolean;
	/** Architecture name written to the file; anything but 'llama' makes llama.cpp refuse it (tests). */
	architecture?: string;
	/** A Jinja chat template (tokenizer.chat_template), making it a "chat model" for tests. */
	chatTemplate?: string;
}

export function randomLlamaModel(options: RandomModelOptions = {}): Uint8Array {
	const { seed = 1, type = 'f32', name = `random llama (seed ${seed})`, scale = 0.5, avoidEos = false, architecture } = options;
	const config = { ...TINY_CONFIG, ...options.config };
	const vocab = charVocab();
	const random = mulberry32(seed);
	const tensors = new Map<string, Float32Array>();
	for (const [tensorName, shape] of llamaTensorShapes(config, vocab.size)) {
		const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
		if (shape.length === 1) data.fill(1);
		else {
			// Uniform with the variance of N(0, scale^2 / fan_in): keeps activations of order one.
			const bound = (scale * Math.sqrt(3)) / Math.sqrt(shape[0] ?? 1);
			for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * bound;
		}
		tensors.set(tensorName, data);
	}
	if (avoidEos) holdEosDown(tensors, config, vocab.size, vocab.eosId);
	const extra = new Map<string, GgufValue>();
	if (architecture) extra.set('general.architecture', { type: 'string', value: architecture });
	if (options.chatTemplate) extra.set('tokenizer.chat_template', { type: 'string', value: options.chatTemplate });
	return writeLlamaGguf({ config, vocab, tensors, type, name, extra });
}

function holdEosDown(tensors: Map<string, Float32Array>, config: LlamaConfig, vocabSize: number, eos: number): void {
	const { dim: d, ff, layers } = config;
	const k = d - 1;
	const embd = tensors.get('token_embd.weight') as Float32Array;
	for (let v = 0; v < vocabSize; v++) embd[v * d + k] = 1;
	for (let l = 0; l < layers; l++) {
		// Output row k of the attention and FFN projections is zero, so residual dim k stays 1.
		(tensors.get(`blk.${l}.attn_output.weight`) as Float32Array).fill(0, k * d, (k + 1) * d);
		(tensors.get(`blk.${l}.ffn_down.weight`) as Float32Array).fill(0, k * ff, (k + 1) * ff);
	}
	const out = tensors.get('output.weight') as Float32Array;
	for (let v = 0; v < vocabSize; v++) out[v * d + k] = v === eos ? -1e6 : 0;
}
