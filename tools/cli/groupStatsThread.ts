// One worker thread of `reversal-lab report --threads`: the statistics of (model, problem) groups,
// computed by the same core function as the main thread's. Two ways in: batches of whole groups
// (`jobs`, the page's protocol: computeReportThreaded runs the page's pool over these threads), or
// samples streamed as the file is read (`samples`, then `finish`, groupFeed), each group's
// statistics computed as soon as the stream moves past it.
import { parentPort } from 'node:worker_threads';
// The modules themselves, not the metrics index: fewer files for tsx to compile while the thread starts.
import { groupStats } from '../../src/lib/core/metrics/groupStats';
import { createSlabs } from '../../src/lib/core/metrics/createSlabs';
import { createTokenDictionary } from '../../src/lib/core/metrics/createTokenDictionary';
import { hashedNgramEmbedder } from '../../src/lib/core/metrics/hashedNgramEmbedder';
import { kValues } from '../../src/lib/core/metrics/kValues';
import type { GroupJob } from '../../src/lib/core/metrics/groupJobs';
import type { ProblemStats, SampleFeatures } from '../../src/lib/core/metrics/builderTypes';
import { problemStats } from '../../src/lib/core/metrics/problemStats';
import { createGroupStatsHandler, type GroupStatsReply, type GroupStatsRequest } from '../../src/lib/workers/groupStatsProtocol';
import { serializeError } from '../../src/lib/workers/reportErrors';

/** Messages to a thread, by `kind`. */
export type ThreadRequest =
	| GroupStatsRequest
	/**
	 * Samples in file order, column by column; `group` is the feed's id of their (model, problem).
	 * `n` and `eadVocabulary` are the feed's guesses of the report's (its k values are kValues(n)),
	 * used for groups the stream has moved past; `finish` gives the real ones.
	 */
	| { kind: 'samples'; group: Int32Array; index: Int32Array; correct: Uint8Array; answer: (string | null)[]; text: string[]; n: number; eadVocabulary: number }
	| { kind: 'finish'; ks: number[]; eadVocabulary: number };

/**
 * Replies, in the order of the requests that ask for one (`jobs`, `finish`); `groups` lists the
 * groups answered, which may leave some out (see finish in groupFeed). Errors are the protocol's
 * (a streamed request's has no id: '').
 */
export type ThreadReply = GroupStatsReply | { kind: 'groups'; groups: Int32Array; stats: ProblemStats[] };

// One dictionary and one set of buffers for every group this thread takes: its vocabulary is added once.
const dictionary = createTokenDictionary();
const embedder = hashedNgramEmbedder();
const slabs = createSlabs();

interface Streamed {
	job: GroupJob & { at: Map<number, number> };
	stats?: ProblemStats;
	/** The k values and EAD vocabulary `stats` was computed with. */
	ks?: string;
	ead?: number;
	/**
	 * Texts are dropped once the statistics are computed (what is left of each sample: its index,
	 * answer and grade); a group the stream comes back to (`returned`) is left to the main thread.
	 */
	dropped?: Pick<SampleFeatures, 'index' | 'answer' | 'correct'>[];
	returned?: boolean;
}
const streamed = new Map<number, Streamed>();
/** The group of the last sample received: the stream may still add to it. */
let open = -1;
/** Groups the stream moved past since statistics were last computed. */
const passed = new Set<number>();

const none = { tokens: new Int32Array(0), vector: new Float32Array(0), equations: [] };

/** Statistics at these k values for the groups that have none yet (or for other k values). */
function compute(ids: Iterable<number>, ks: number[], eadVocabulary: number): void {
	const key = ks.join(',');
	for (const id of ids) {
		const g = streamed.get(id)!;
		if ((g.ks === key && g.ead === eadVocabulary) || g.returned) continue;
		if (g.dropped) {
			// Computed for other k values: of the statistics only pass@k and maj@k depend on them, and
			// on no text (the diversity of a recount without texts is dropped).
			if (g.ead !== eadVocabulary || !g.stats) continue;
			const sampled = new Map(g.dropped.map((s) => [s.index, { ...s, ...none }]));
			const again = problemStats({ greedy: g.job.greedy, sampled, stats: undefined }, ks, eadVocabulary);
			g.stats = { ...g.stats, passAtK: again.passAtK, majAtK: again.majAtK };
			g.ks = key;
			continue;
		}
		g.stats = groupStats([g.job], ks, eadVocabulary, embedder, dictionary, slabs)[0];
		g.ks = key;
		g.ead = eadVocabulary;
		// What the report needs of its samples is in stats: the texts go (half the process's text otherwise).
		g.dropped = g.job.sampled.map(({ index, answer, correct }) => ({ index, answer, correct }));
		g.job.sampled = [];
		g.job.at.clear();
	}
}

function take(request: Extract<ThreadRequest, { kind: 'samples' }>): void {
	const { group, index, correct, answer, text } = request;
	for (let i = 0; i < group.length; i++) {
		const id = group[i]!;
		let g = streamed.get(id);
		if (!g) streamed.set(id, (g = { job: { model: 0, problem: 0, sampled: [], at: new Map() } }));
		// A group the stream comes back to is left to the main thread, which has all its samples.
		if (g.dropped) {
			g.returned = true;
			continue;
		}
		g.ks = undefined;
		const s = { index: index[i]!, text: text[i]!, answer: answer[i]!, correct: correct[i] === 1 };
		// A sample with the index of an earlier one replaces it, as in groupJobs.
		if (s.index < 0) g.job.greedy = { answer: s.answer, correct: s.correct };
		else {
			const at = g.job.at.get(s.index);
			if (at === undefined) {
				g.job.at.set(s.index, g.job.sampled.length);
				g.job.sampled.push(s);
			} else g.job.sampled[at] = s;
		}
		if (id !== open) {
			if (open >= 0) passed.add(open);
			passed.delete(id);
			open = id;
		}
	}
	compute(passed, kValues(request.n), request.eadVocabulary);
	passed.clear();
}

/** The page's handler, made on the first batch (a thread streaming samples never needs its buffers). */
let handleJobs: ReturnType<typeof createGroupStatsHandler> | undefined;

function reply(request: ThreadRequest): ThreadReply | undefined {
	if (request.kind === 'jobs') return (handleJobs ??= createGroupStatsHandler())(request);
	if (request.kind === 'samples') return void take(request);
	compute(streamed.keys(), request.ks, request.eadVocabulary);
	// Groups come back to after their texts were dropped are not answered.
	const key = request.ks.join(',');
	const groups = Int32Array.from([...streamed].filter(([, g]) => !g.returned && g.ks === key && g.ead === request.eadVocabulary).map(([id]) => id));
	return { kind: 'groups', groups, stats: Array.from(groups, (id) => streamed.get(id)!.stats!) };
}

parentPort?.on('message', (request: ThreadRequest) => {
	try {
		const answer = reply(request);
		if (answer) parentPort?.postMessage(answer);
	} catch (e) {
		parentPort?.postMessage({ kind: 'error', id: '', error: serializeError(e) } satisfies ThreadReply);
	}
});
