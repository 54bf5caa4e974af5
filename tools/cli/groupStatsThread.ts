// One worker thread of `reversal-lab report --threads`: the statistics of each batch of
// (model, problem) groups it is sent, computed by the same core function as the main thread's.
import { parentPort } from 'node:worker_threads';
// The module itself, not the metrics index: fewer files for tsx to compile while the thread starts.
import { groupStats } from '../../src/lib/core/metrics/groupStats';
import { createTokenDictionary } from '../../src/lib/core/metrics/createTokenDictionary';
import { hashedNgramEmbedder } from '../../src/lib/core/metrics/hashedNgramEmbedder';
import type { GroupJob } from '../../src/lib/core/metrics/groupJobs';

export interface GroupStatsRequest {
	jobs: GroupJob[];
	ks: number[];
	eadVocabulary: number;
}

// One dictionary for every batch this thread takes: its vocabulary is added once.
const dictionary = createTokenDictionary();
const embedder = hashedNgramEmbedder();

parentPort?.on('message', (request: GroupStatsRequest) => {
	try {
		parentPort?.postMessage({ ok: true, stats: groupStats(request.jobs, request.ks, request.eadVocabulary, embedder, dictionary) });
	} catch (e) {
		parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
	}
});
