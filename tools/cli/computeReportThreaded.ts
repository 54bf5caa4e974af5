import { Worker } from 'node:worker_threads';
import { computeReport, groupJobs, groupStats, resolveOptions, type GroupJob, type ProblemStats, type Report, type ReportBuildOptions } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';
import type { GroupStatsRequest } from './groupStatsThread';

function inWorker(request: GroupStatsRequest): Promise<ProblemStats[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./groupStatsWorker.js', import.meta.url));
		worker.once('message', (reply: { ok: true; stats: ProblemStats[] } | { ok: false; message: string }) => {
			void worker.terminate();
			if (reply.ok) resolve(reply.stats);
			else reject(new Error(reply.message));
		});
		worker.once('error', reject);
		worker.postMessage(request);
	});
}

/**
 * computeReport with the per-(model, problem) statistics (tokens, n-grams, embeddings, equations,
 * pass@k and maj@k) spread over `threads` threads: this one and threads - 1 workers. Each group's
 * statistics depend only on its samples and land in the same place whoever computed them, so the
 * report is the same, byte for byte, for any number of threads (a unit test holds it to that).
 */
export async function computeReportThreaded(bundle: Bundle, options: ReportBuildOptions, threads: number): Promise<Report> {
	if (threads <= 1 || options.embedder !== undefined) return computeReport(bundle, options);
	const { ks, parts } = groupJobs(bundle, threads);
	const { eadVocabulary } = resolveOptions(options, bundle.study, bundle.models);
	// The workers start while this thread computes its own share.
	const theirs = Promise.all(parts.slice(1).map((jobs) => inWorker({ jobs, ks, eadVocabulary })));
	const mine = groupStats(parts[0] ?? [], ks, eadVocabulary);
	const all = [mine, ...(await theirs)];
	const stats: (ProblemStats | undefined)[][] = bundle.models.map(() => new Array<ProblemStats | undefined>(bundle.problems.length));
	parts.forEach((jobs: GroupJob[], i) => jobs.forEach((job, j) => (stats[job.model]![job.problem] = all[i]![j])));
	options.lap?.('diversity');
	return computeReport(bundle, { ...options, precomputed: { ks, stats } });
}
