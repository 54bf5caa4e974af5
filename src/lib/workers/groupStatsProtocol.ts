// The one message protocol between the report worker and its group-statistics workers (the page's
// counterpart of the command line's worker threads): a batch of whole (model, problem) groups goes
// out, their statistics (core's groupStats, the same function the CLI's threads call) come back.
// Samples travel as columns (typed arrays moved, not copied, and flat arrays of strings): a
// structured clone of 160,000 small objects costs about three times as much as the same data in
// columns. Errors cross as reportErrors' {name, code, message}. Relative imports: the command line's
// worker threads speak it too (tools/cli/groupStatsThread.ts).
import { createSlabs } from '../core/metrics/createSlabs';
import { createTokenDictionary } from '../core/metrics/createTokenDictionary';
import { groupStats } from '../core/metrics/groupStats';
import { hashedNgramEmbedder } from '../core/metrics/hashedNgramEmbedder';
import type { GroupJob } from '../core/metrics/groupJobs';
import type { ProblemStats } from '../core/metrics/builderTypes';
import { serializeError, type SerializedError } from './reportErrors';

/** A batch of groups, column by column; group g's samples are sampled[start[g]] .. sampled[start[g + 1] - 1]. */
export interface GroupStatsRequest {
	kind: 'jobs';
	id: string;
	ks: number[];
	eadVocabulary: number;
	model: Int32Array;
	problem: Int32Array;
	start: Int32Array;
	/** The greedy output's grade per group: 1 correct, 0 incorrect, -1 none. */
	greedyCorrect: Int8Array;
	greedyAnswer: (string | null)[];
	index: Int32Array;
	correct: Uint8Array;
	answer: (string | null)[];
	text: string[];
}

/** Replies, one per request, naming it by id. */
export type GroupStatsReply = { kind: 'result'; id: string; stats: ProblemStats[] } | { kind: 'error'; id: string; error: SerializedError };

/** GroupJobs as a request, and the buffers that can move with it. */
export function packJobs(jobs: readonly GroupJob[], ks: readonly number[], eadVocabulary: number): { request: GroupStatsRequest; transfer: ArrayBuffer[] } {
	const count = jobs.reduce((n, j) => n + j.sampled.length, 0);
	const request: GroupStatsRequest = {
		kind: 'jobs',
		id: crypto.randomUUID(),
		ks: [...ks],
		eadVocabulary,
		model: new Int32Array(jobs.length),
		problem: new Int32Array(jobs.length),
		start: new Int32Array(jobs.length + 1),
		greedyCorrect: new Int8Array(jobs.length),
		greedyAnswer: [],
		index: new Int32Array(count),
		correct: new Uint8Array(count),
		answer: [],
		text: []
	};
	let at = 0;
	jobs.forEach((job, g) => {
		request.model[g] = job.model;
		request.problem[g] = job.problem;
		request.start[g] = at;
		request.greedyCorrect[g] = job.greedy ? (job.greedy.correct ? 1 : 0) : -1;
		request.greedyAnswer.push(job.greedy ? job.greedy.answer : null);
		for (const s of job.sampled) {
			request.index[at] = s.index;
			request.correct[at] = s.correct ? 1 : 0;
			request.answer.push(s.answer);
			request.text.push(s.text);
			at++;
		}
	});
	request.start[jobs.length] = at;
	const { model, problem, start, greedyCorrect, index, correct } = request;
	return { request, transfer: [model, problem, start, greedyCorrect, index, correct].map((a) => a.buffer as ArrayBuffer) };
}

/** The GroupJobs of a request (the inverse of packJobs). */
export function unpackJobs(request: GroupStatsRequest): GroupJob[] {
	return Array.from(request.model, (model, g) => {
		const sampled: GroupJob['sampled'] = [];
		for (let i = request.start[g]!; i < request.start[g + 1]!; i++) {
			sampled.push({ index: request.index[i]!, text: request.text[i]!, answer: request.answer[i]!, correct: request.correct[i] === 1 });
		}
		const greedy = request.greedyCorrect[g]!;
		const job: GroupJob = { model, problem: request.problem[g]!, sampled };
		if (greedy >= 0) job.greedy = { answer: request.greedyAnswer[g]!, correct: greedy === 1 };
		return job;
	});
}

/**
 * What a group-statistics worker does with a request, without the worker (a unit test calls it in
 * the thread). One token dictionary, embedder and set of buffers serve every batch the worker takes.
 */
export function createGroupStatsHandler(): (request: GroupStatsRequest) => GroupStatsReply {
	const dictionary = createTokenDictionary();
	const embedder = hashedNgramEmbedder();
	const slabs = createSlabs();
	return (request) => {
		try {
			if (request.kind !== 'jobs') throw new Error(`group-statistics worker: unknown request '${String(request.kind)}'`);
			return { kind: 'result', id: request.id, stats: groupStats(unpackJobs(request), request.ks, request.eadVocabulary, embedder, dictionary, slabs) };
		} catch (e) {
			return { kind: 'error', id: request.id, error: serializeError(e) };
		}
	};
}
