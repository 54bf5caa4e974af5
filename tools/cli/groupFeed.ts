import { Worker } from 'node:worker_threads';
import { groupJobs, groupStats, kValues, resolveOptions, type ProblemStats, type ReportBuildOptions } from '../../src/lib/core/metrics';
import type { Bundle, ModelRef, Sample, StudyConfig } from '../../src/lib/core/types';
import { rebuildError } from '../../src/lib/workers/reportErrors';
import type { ThreadReply, ThreadRequest } from './groupStatsThread';

/** Characters of text per message: big enough that a message is worth its copy, small enough to keep the workers fed. */
const BATCH_CHARS = 1 << 18;

export interface GroupFeed {
	/** The next sample the import accepted (file order, graded). */
	add(sample: Sample): void;
	/** Whether workers took the samples (else the report is computed as before). */
	readonly started: boolean;
	/** Worker threads. */
	readonly threads: number;
	/**
	 * The statistics of every (model, problem) of `bundle` (whose samples must be exactly the ones
	 * added, in order), for createReportBuilder's `precomputed`.
	 */
	finish(bundle: Bundle, options: ReportBuildOptions): Promise<NonNullable<ReportBuildOptions['precomputed']>>;
	/** Stops the workers (after finish, or when the import failed). */
	close(): void;
}

interface Batch {
	group: number[];
	index: number[];
	correct: number[];
	answer: (string | null)[];
	text: string[];
	chars: number;
}

const emptyBatch = (): Batch => ({ group: [], index: [], correct: [], answer: [], text: [], chars: 0 });

/**
 * Hands the samples of a file to `threads` worker threads while the main thread is still reading,
 * validating and grading the next lines: each (model, problem) goes whole to one worker (the next
 * one in turn, by first appearance), which computes its statistics once the stream has moved past
 * it (at the k values of the samples so far; their pass@k and maj@k again at the end if more k values
 * came); a group the stream comes back to later is computed by this thread at the end. A group's statistics depend only on its samples, so the report is the
 * same, byte for byte, whatever the number of workers or the timing. The workers start once
 * `startAfter` samples have arrived (below that one thread finishes first); until then samples are
 * held. A worker is sent about `batchChars` characters of text at a time.
 */
export function createGroupFeed(threads: number, startAfter = 0, batchChars = BATCH_CHARS): GroupFeed {
	const ids = new Map<string, number>();
	const keys: { model: string; problem: string; indices: Set<number> }[] = [];
	let workers: Worker[] = [];
	let batches: Batch[] = [];
	let held: Sample[] = [];
	let count = 0;
	let n = 0;
	let failure: Error | undefined;
	// The report's EAD vocabulary unless options say otherwise (finish gives the real one).
	const eadGuess = resolveOptions({}, { seed: 0 } as StudyConfig, [{ id: 'm', order: 0 } as ModelRef]).eadVocabulary;

	function post(w: number, request: ThreadRequest): void {
		workers[w]!.postMessage(request);
	}

	function flush(w: number): void {
		const b = batches[w]!;
		if (b.group.length === 0) return;
		batches[w] = emptyBatch();
		post(w, { kind: 'samples', group: Int32Array.from(b.group), index: Int32Array.from(b.index), correct: Uint8Array.from(b.correct), answer: b.answer, text: b.text, n, eadVocabulary: eadGuess });
	}

	function send(s: Sample): void {
		const key = `${s.model}\u0000${s.problem}`;
		let id = ids.get(key);
		if (id === undefined) {
			ids.set(key, (id = keys.length));
			keys.push({ model: s.model, problem: s.problem, indices: new Set() });
		}
		if (s.index >= 0) {
			keys[id]!.indices.add(s.index);
			n = Math.max(n, s.index + 1);
		}
		const w = id % workers.length;
		const b = batches[w]!;
		b.group.push(id);
		b.index.push(s.index);
		b.correct.push(s.correct ? 1 : 0);
		b.answer.push(s.answer);
		// A greedy output's text is not part of any statistic.
		const text = s.index >= 0 ? s.text : '';
		b.text.push(text);
		b.chars += text.length + 16;
		if (b.chars >= batchChars) flush(w);
	}

	function start(): void {
		workers = Array.from({ length: threads }, () => new Worker(new URL('./groupStatsWorker.js', import.meta.url)));
		batches = workers.map(emptyBatch);
		for (const worker of workers) {
			// Only finish is answered; an error reply (or a crash) is kept for finish to throw.
			worker.on('message', (reply: ThreadReply) => {
				if (reply.kind === 'error') failure ??= rebuildError(reply.error);
			});
			worker.on('error', (e) => (failure ??= e));
		}
		for (const s of held) send(s);
		held = [];
	}

	return {
		add(s) {
			count++;
			if (workers.length > 0) return send(s);
			held.push(s);
			if (count >= startAfter) start();
		},
		get started() {
			return workers.length > 0;
		},
		threads,
		async finish(bundle, options) {
			if (bundle.samples.length !== count) throw new Error(`groupFeed: the bundle has ${bundle.samples.length} samples, the feed took ${count}`);
			workers.forEach((_, w) => flush(w));
			// As createReportBuilder computes them.
			let maxN = 0;
			for (const k of keys) maxN = Math.max(maxN, k.indices.size);
			const ks = kValues(Math.max(bundle.study.sampling.n, maxN));
			const { eadVocabulary } = resolveOptions(options, bundle.study, bundle.models);
			const replies = await Promise.all(
				workers.map(
					(worker, w) =>
						new Promise<Extract<ThreadReply, { kind: 'groups' }>>((resolve, reject) => {
							if (failure) return reject(failure);
							const onError = (e: Error) => reject(e);
							worker.once('error', onError);
							worker.on('message', (reply: ThreadReply) => {
								if (reply.kind === 'groups') resolve(reply);
								else if (reply.kind === 'error') reject(rebuildError(reply.error));
							});
							post(w, { kind: 'finish', ks, eadVocabulary });
						})
				)
			);
			const models = [...bundle.models].sort((a, b) => a.order - b.order);
			const modelIndex = new Map(models.map((m, i) => [m.id, i]));
			const problemIndex = new Map(bundle.problems.map((p, i) => [p.id, i]));
			const stats: (ProblemStats | undefined)[][] = models.map(() => new Array<ProblemStats | undefined>(bundle.problems.length));
			const missing = new Set(ids.keys());
			for (const { groups, stats: computed } of replies) {
				groups.forEach((id, i) => {
					const { model, problem } = keys[id]!;
					stats[modelIndex.get(model)!]![problemIndex.get(problem)!] = computed[i];
					missing.delete(`${model}\u0000${problem}`);
				});
			}
			// Groups the stream came back to after a worker had computed them (and dropped their
			// texts): this thread has their samples.
			if (missing.size > 0) {
				const [jobs] = groupJobs({ ...bundle, samples: bundle.samples.filter((s) => missing.has(`${s.model}\u0000${s.problem}`)) }, 1).parts;
				const computed = groupStats(jobs!, ks, eadVocabulary);
				jobs!.forEach((job, i) => (stats[job.model]![job.problem] = computed[i]));
			}
			return { ks, stats };
		},
		close() {
			for (const worker of workers) void worker.terminate();
			workers = [];
		}
	};
}
