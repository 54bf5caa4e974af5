import type { ProblemAccumulator, ProblemStats } from './builderTypes';
import { createSlabs, type Slabs } from './createSlabs';
import { createTokenDictionary, type TokenDictionary } from './createTokenDictionary';
import type { Embedder } from './embedder';
import { extractEquations } from './extractEquations';
import type { GroupJob } from './groupJobs';
import { hashedNgramEmbedder } from './hashedNgramEmbedder';
import { problemStats } from './problemStats';

/**
 * The statistics of (model, problem) groups from their samples, exactly as the report builder
 * computes them (same features, same problemStats): the unit of work a worker thread takes. The
 * result depends only on the group's samples, so which thread computed it never shows in a report.
 * Only embedders with the token fast path (the offline default) qualify. Token ids only need to
 * agree within a group, so a thread may pass one `dictionary` to all its calls (its vocabulary is then
 * added once, not per call), and one `slabs` (its buffers are then allocated once).
 */
export function groupStats(
	jobs: readonly GroupJob[],
	ks: readonly number[],
	eadVocabulary: number,
	embedder: Embedder = hashedNgramEmbedder(),
	dictionary: TokenDictionary = createTokenDictionary(),
	slabs: Slabs = createSlabs()
): ProblemStats[] {
	const embedTokens = embedder.embedTokens;
	if (!embedTokens) throw new Error(`groupStats: embedder '${embedder.name}' has no token fast path; compute the report in one thread`);
	// A group's features die once its statistics are computed: one set of buffers serves every group
	// (and every call given the same `slabs`).
	let hashes = new Int32Array(1024);
	return jobs.map((job) => {
		slabs.reset();
		const acc: ProblemAccumulator = { greedy: job.greedy, sampled: new Map(), stats: undefined };
		for (const s of job.sampled) {
			if (hashes.length < s.text.length) hashes = new Int32Array(2 * s.text.length);
			const tokens = dictionary.ids(s.text, slabs.int32, hashes);
			const vector = embedTokens(hashes.subarray(0, tokens.length), embedder.dimensions ? slabs.float32(embedder.dimensions) : undefined);
			acc.sampled.set(s.index, { index: s.index, answer: s.answer, correct: s.correct, tokens, vector, equations: extractEquations(s.text) });
		}
		return problemStats(acc, ks, eadVocabulary);
	});
}
