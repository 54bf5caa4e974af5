import type { Embedder } from './embedder';
import { tokenHashes } from './tokenHashes';

const HASHED_EMBEDDER_NAME = 'hashed n-gram cosine (offline fallback)';

/**
 * The offline embedder: token unigrams and bigrams of the shared tokenizer, feature-hashed with a
 * sign bit into `dimensions` buckets, counts then L2-normalised. It measures shared wording, not
 * meaning, and its name says so; a real sentence-embedding model replaces it when available.
 */
export function hashedNgramEmbedder(dimensions = 256): Embedder {
	if (!Number.isInteger(dimensions) || dimensions < 8 || (dimensions & (dimensions - 1)) !== 0) {
		throw new RangeError(`hashedNgramEmbedder needs a power of two >= 8 as dimension, got ${dimensions}`);
	}
	const mask = dimensions - 1;
	const embedTokens = (tokens: Int32Array, out?: Float32Array): Float32Array => {
		const v = out ?? new Float32Array(dimensions);
		if (out) {
			if (out.length !== dimensions) throw new RangeError(`hashedNgramEmbedder: output has ${out.length} values, not ${dimensions}`);
			out.fill(0);
		}
		// Counts are small integers, exact in float32 whatever the order of the additions; the sign
		// is computed, not branched on (a hash bit is a coin flip no branch predictor guesses).
		const n = tokens.length;
		if (n > 0) {
			let prev = tokens[0]!;
			v[(prev >>> 1) & mask]! += ((prev & 1) << 1) - 1;
			for (let i = 1; i < n; i++) {
				const t = tokens[i]!;
				v[(t >>> 1) & mask]! += ((t & 1) << 1) - 1;
				const b = Math.imul(prev ^ Math.imul(t, 0x5bd1e995), 0x01000193) ^ 0x2545f491;
				const h = b ^ (b >>> 15);
				v[(h >>> 1) & mask]! += ((h & 1) << 1) - 1;
				prev = t;
			}
		}
		// x * x, not x ** 2 (a call to pow per bucket in V8): the same value, as the counts are small integers.
		let norm = 0;
		for (let i = 0; i < dimensions; i++) {
			const x = v[i]!;
			norm += x * x;
		}
		if (norm > 0) {
			const scale = 1 / Math.sqrt(norm);
			for (let i = 0; i < dimensions; i++) v[i]! *= scale;
		}
		return v;
	};
	return {
		name: HASHED_EMBEDDER_NAME,
		dimensions,
		embed: (texts) => texts.map((t) => embedTokens(tokenHashes(t))),
		embedTokens
	};
}
