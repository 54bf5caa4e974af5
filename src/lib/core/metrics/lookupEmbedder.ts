import type { Embedder } from './embedder';

/**
 * An embedder over vectors computed beforehand (e.g. by a neural model in a worker), keyed by the
 * exact text. A text without a vector is an error naming it: silently embedding it differently
 * would mix two embedders in one number.
 */
export function lookupEmbedder(name: string, vectors: ReadonlyMap<string, Float32Array>): Embedder {
	return {
		name,
		embed: (texts) =>
			texts.map((t) => {
				const v = vectors.get(t);
				if (!v) throw new Error(`lookupEmbedder '${name}': no precomputed vector for the text starting "${t.slice(0, 60)}"; embed every sample before computing the report`);
				return v;
			})
	};
}
