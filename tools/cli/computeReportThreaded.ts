import { Worker } from 'node:worker_threads';
import { computeReport, type Report, type ReportBuildOptions } from '../../src/lib/core/metrics';
import type { Bundle } from '../../src/lib/core/types';
import { computeReportInPool } from '../../src/lib/workers/groupStatsPool';
import { threadEndpoint } from './threadEndpoint';

/**
 * computeReport with the per-(model, problem) statistics (tokens, n-grams, embeddings, equations,
 * pass@k and maj@k) computed by `threads` worker threads: the page's pool of group-statistics
 * workers, with threads for workers. So the report is the same, byte for byte, for any number of
 * threads and any timing (unit tests hold both to that). Used when the file's samples did not
 * stream to the threads as it was read (groupFeed): --extractor grades them all again first.
 */
export async function computeReportThreaded(bundle: Bundle, options: ReportBuildOptions, threads: number): Promise<Report> {
	if (threads <= 1 || options.embedder !== undefined) return computeReport(bundle, options);
	const workers = Array.from({ length: threads }, () => new Worker(new URL('./groupStatsWorker.js', import.meta.url)));
	try {
		return await computeReportInPool(bundle, options, workers.map(threadEndpoint), { whatToDo: 'Run the command again, or with --threads 1.' });
	} finally {
		for (const worker of workers) void worker.terminate();
	}
}
