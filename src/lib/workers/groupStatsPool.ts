// The complete report with its per-(model, problem) statistics spread over a pool of workers: the
// page's Web Workers, or the command line's worker threads (tools/cli/computeReportThreaded.ts). The
// same core functions (groupJobs cuts the bundle, groupStats computes each group in a worker,
// computeReport assembles with `precomputed`), so the report is the same, byte for byte, for any
// number of workers and any timing. Relative imports: Node loads this too.
import { computeReport, groupJobs, resolveOptions, type ProblemStats, type Report, type ReportBuildOptions } from '../core/metrics';
import type { Bundle } from '../core/types';
import { packJobs, type GroupStatsReply } from './groupStatsProtocol';
import { rebuildError } from './reportErrors';

/** Batches per worker: enough that a worker slowed by its neighbours takes fewer of them. */
const BATCHES_PER_WORKER = 8;
/**
 * Batches sent ahead of their answers, per worker. The report worker reads answers only between its
 * own tasks (the first view's report takes about a second), so each worker starts with enough to
 * stay busy meanwhile: 3 of 8 is about 0.8 s of work for the 162,500-sample study on this machine.
 */
const IN_FLIGHT = 3;

/** What the pool needs of a worker: a Worker, a Node worker thread seen as one, or a stand-in in the same thread (unit tests). */
export interface GroupStatsEndpoint {
	postMessage(message: unknown, transfer: Transferable[]): void;
	addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
	removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type Precomputed = NonNullable<ReportBuildOptions['precomputed']>;

/** How a run of the pool ends early, and what a stopped worker's error tells the user to do. */
export interface PoolRun {
	signal?: AbortSignal;
	/** The page's words unless given. */
	whatToDo?: string;
}

/**
 * The statistics of every group of `bundle`, computed by `workers` (each takes the next batch when
 * it answers one), for computeReport's `precomputed`. Rejects with the worker's error (its class
 * rebuilt), when a worker stops, or when `signal` aborts (no further batch is sent then).
 */
export function computeGroupStats(bundle: Bundle, options: ReportBuildOptions, workers: readonly GroupStatsEndpoint[], { signal, whatToDo = 'Reload the page and open the file again.' }: PoolRun = {}): Promise<Precomputed> {
	const { ks, parts } = groupJobs(bundle, workers.length * BATCHES_PER_WORKER);
	const { eadVocabulary } = resolveOptions(options, bundle.study, bundle.models);
	const results: ProblemStats[][] = new Array(parts.length);
	let next = 0;
	let answered = 0;
	return new Promise<Precomputed>((resolve, reject) => {
		const cleanups: (() => void)[] = [];
		let settled = false;
		const settle = (then: () => void) => {
			if (settled) return;
			settled = true;
			for (const cleanup of cleanups) cleanup();
			then();
		};
		const fail = (e: Error) => settle(() => reject(e));
		const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new DOMException('The report was no longer needed.', 'AbortError'));
		if (signal?.aborted) return onAbort();
		signal?.addEventListener('abort', onAbort);
		cleanups.push(() => signal?.removeEventListener('abort', onAbort));

		workers.forEach((worker, w) => {
			// This call's batches at this worker, by request id (a reused worker may still answer an
			// earlier, abandoned call's).
			const sent = new Map<string, number>();
			const feed = () => {
				while (!settled && sent.size < IN_FLIGHT && next < parts.length) {
					const at = next++;
					const { request, transfer } = packJobs(parts[at]!, ks, eadVocabulary);
					sent.set(request.id, at);
					worker.postMessage(request, transfer);
				}
			};
			const onMessage = (event: Event) => {
				const reply = (event as MessageEvent<GroupStatsReply>).data;
				const at = sent.get(reply.id);
				if (at === undefined) return;
				sent.delete(reply.id);
				if (reply.kind === 'error') return fail(rebuildError(reply.error));
				results[at] = reply.stats;
				if (++answered === parts.length) return settle(() => resolve(assemble(bundle, ks, parts, results)));
				feed();
			};
			const onError = (event: Event) => {
				// An ErrorEvent says what was thrown; a failed start or a crash says nothing.
				const message = (event as Partial<ErrorEvent>).message;
				const detail = message ? `: ${message}` : ' (perhaps out of memory)';
				fail(new Error(`Worker ${w + 1} of the report's diversity stopped${detail}. ${whatToDo}`));
			};
			for (const type of ['error', 'messageerror'] as const) worker.addEventListener(type, onError);
			worker.addEventListener('message', onMessage);
			cleanups.push(() => {
				worker.removeEventListener('message', onMessage);
				for (const type of ['error', 'messageerror'] as const) worker.removeEventListener(type, onError);
			});
			feed();
		});
	});
}

/** Each group's statistics where the report builder looks for them: stats[model by order][problem]. */
function assemble(bundle: Bundle, ks: number[], parts: ReturnType<typeof groupJobs>['parts'], results: ProblemStats[][]): Precomputed {
	const stats: (ProblemStats | undefined)[][] = bundle.models.map(() => new Array<ProblemStats | undefined>(bundle.problems.length));
	parts.forEach((jobs, i) => jobs.forEach((job, j) => (stats[job.model]![job.problem] = results[i]![j])));
	return { ks, stats };
}

/** computeReport(bundle, options), its group statistics computed by `workers`. */
export async function computeReportInPool(bundle: Bundle, options: ReportBuildOptions, workers: readonly GroupStatsEndpoint[], run: PoolRun = {}): Promise<Report> {
	if (workers.length === 0 || options.embedder !== undefined) return computeReport(bundle, options);
	const precomputed = await computeGroupStats(bundle, options, workers, run);
	run.signal?.throwIfAborted();
	options.lap?.('diversity');
	return computeReport(bundle, { ...options, precomputed });
}
