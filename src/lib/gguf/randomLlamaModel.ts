// A llama model with seeded random weights: for tests and benchmarks that need a real GGUF which
// llama.cpp loads and runs, without a trained model. Its output is gibberish by design.
import { mulberry32 } from '../core/random';
import { charVocab } from './charVocab';
import { llamaTensorShapes, writeLlamaGguf, type LlamaConfig } from './writeLlamaGguf';
import type { TensorType } from './ggufTypes';

export const TINY_CONFIG: LlamaConfig = { dim: 64, layers: 2, heads: 4, kvHeads: 4, ff: 128, ctx: 512, ropeTheta: 10000, eps: 1e-5 };

export interface RandomModelOptions {
	seed?: number;
	config?: Partial<LlamaConfig>;
	type?: TensorType;
	name?: string;
	/** Scale of the random weights; larger gives peakier (less uniform) next-token distributions. */
	scale?: number;
}

export function randomLlamaModel(options: RandomModelOptions = {}): Uint8Array {
	const { seed = 1, type = 'f32', name = `random llama (seed ${seed})`, scale = 0.5 } = options;
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
	return writeLlamaGguf({ config, vocab, tensors, type, name });
}
