import { computeReport, hashedNgramEmbedder, type Embedder } from '$lib/core/metrics';
import type { Report } from '$lib/core/metrics/reportTypes';
import type { Bundle } from '$lib/core/types';

const NO_VECTOR = new Float32Array(0);

/**
 * The quick report's embedder: its samples have no text, so every vector would be zero, and a zero
 * vector is left out of semantic diversity just as an empty one is. Empty vectors give the same
 * report without embedding and summing 256 zeros per sample (half the quick report's time). It
 * keeps the offline embedder's name, so the report names the same embedder as before.
 */
const noVectors: Embedder = {
	name: hashedNgramEmbedder().name,
	dimensions: 0,
	embed: (texts) => texts.map(() => NO_VECTOR),
	embedTokens: () => NO_VECTOR
};

/**
 * A first report of a large bundle, without the text metrics (diversity) and without intervals:
 * the text-free samples make computeReport skip the costly tokenising and embedding, so the
 * accuracy, set, coverage, split and level charts show at once. The dashboard marks what is still
 * being computed until the complete report replaces it.
 */
export function quickReport(bundle: Bundle): Report {
	return computeReport({ ...bundle, samples: bundle.samples.map((s) => ({ ...s, text: '' })) }, { bootstrap: 0, embedder: noVectors });
}
