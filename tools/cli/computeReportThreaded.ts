import { Worker } from 'node:worker_threads';
import { computeReport, createTokenDictionary, groupJobs, groupStats, hashedNgramEmbedder, resolveOptions, type ProblemStats, type Report, type ReportBuildOptions } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';
import type { GroupStatsReply, GroupStatsRequest } from './groupStatsThread';

// Batches per thread: enough that a thread slowed by a neighbour (or still starting) takes fewer
// of them, few enough that each message is worth its copy.
const BATCHES_PER_THREAD = 8;
// A worker's reply is read only when this thread, busy with a batch of its own, next yields: a
// second batch already queued keeps the worker computing meanwhile instead of waiting.
const IN_FLIGHT = 2;

/**
 * computeReport with the per-(model, problem) statistics (tokens, n-grams, embeddings, equations,
 * pass@k and maj@k) spread over `threads` threads: this one and threads - 1 workers, each taking the
 * next batch of groups when it is free. Each group's statistics depend only on its samples and land
 * in the same place whoever computed them, so the report is the same, byte for byte, for any number
 * of threads and any timing (a unit test holds it to that).
 */
export async function computeReportThreaded(bundle: Bundle, options: ReportBuildOptions, threads: number): Promise<Report> {
	if (threads <= 1 || options.embedder !== undefined) return computeReport(bundle, options);
	const { ks, parts } = groupJobs(bundle, threads * BATCHES_PER_THREAD);
	const { eadVocabulary } = resolveOptions(options, bundle.study, bundle.models);
	const results: ProblemStats[][] = new Array(parts.length);
	let next = 0;
	const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./groupStatsWorker.js', import.meta.url)));
	try {
		const finished = workers.map(
			(worker) =>
				new Promise<void>((resolve, reject) => {
					// Batches sent and not yet answered, in order (a worker answers in order).
					const sent: number[] = [];
					const feed = () => {
						while (sent.length < IN_FLIGHT && next < parts.length) {
							const at = next++;
							sent.push(at);
							worker.postMessage({ kind: 'jobs', jobs: parts[at]!, ks, eadVocabulary } satisfies GroupStatsRequest);
						}
						if (sent.length === 0) resolve();
					};
					worker.on('message', (reply: GroupStatsReply) => {
						if (reply.kind !== 'stats') return reject(new Error(reply.kind === 'error' ? reply.message : `unexpected reply '${reply.kind}'`));
						results[sent.shift()!] = reply.stats;
						feed();
					});
					worker.once('error', reject);
					feed();
				})
		);
		const all = Promise.all(finished);
		all.catch(() => undefined); // awaited below; a failure while this thread computes is not unhandled
		// This thread takes batches too, and lets the workers' replies in between.
		const dictionary = createTokenDictionary();
		const embedder = hashedNgramEmbedder();
		while (next < parts.length) {
			const at = next++;
			results[at] = groupStats(parts[at]!, ks, eadVocabulary, embedder, dictionary);
			await new Promise((resolve) => setImmediate(resolve));
		}
		await all;
	} finally {
		for (const worker of workers) void worker.terminate();
	}
	const stats: (ProblemStats | undefined)[][] = bundle.models.map(() => new Array<ProblemStats | undefined>(bundle.problems.length));
	parts.forEach((jobs, i) => jobs.forEach((job, j) => (stats[job.model]![job.problem] = results[i]![j])));
	options.lap?.('diversity');
	return computeReport(bundle, { ...options, precomputed: { ks, stats } });
}
