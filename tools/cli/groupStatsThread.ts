// One worker thread of `reversal-lab report --threads`: the statistics of the (model, problem)
// groups it is given, computed by the same core function as the main thread's share.
import { parentPort } from 'node:worker_threads';
import { groupStats, type GroupJob } from '../../src/lib/core/metrics';

export interface GroupStatsRequest {
	jobs: GroupJob[];
	ks: number[];
	eadVocabulary: number;
}

parentPort?.once('message', (request: GroupStatsRequest) => {
	try {
		parentPort?.postMessage({ ok: true, stats: groupStats(request.jobs, request.ks, request.eadVocabulary) });
	} catch (e) {
		parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
	}
});
