import { describe, expect, it } from 'vitest';
import { computeReport, groupJobs } from '../../../src/lib/core/metrics';
import { StudyError, isStudyError } from '../../../src/lib/core/study/errors';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { createGroupStatsHandler, packJobs, unpackJobs, type GroupStatsReply, type GroupStatsRequest } from '../../../src/lib/workers/groupStatsProtocol';
import { computeReportInPool, type GroupStatsEndpoint } from '../../../src/lib/workers/groupStatsPool';

// Texts of different lengths, a greedy output per group, a replaced sample and a group with only a
// greedy output: the cases where a split of the groups could go wrong (as in the CLI's test).
const bundle = syntheticBundle({ models: 3, problems: 24, n: 6, words: 40, seed: 5 });
const first = bundle.samples.find((s) => s.index === 2)!;
bundle.samples.push({ ...first, text: `${first.text} again`, correct: !first.correct });
bundle.samples = bundle.samples.filter((s) => !(s.model === 'M2' && s.problem === 'syn-3' && s.index >= 0));

/**
 * A group-statistics worker in this thread: the worker's own handler, messages structured-cloned
 * both ways (the typed arrays moved, as postMessage does), each answer a macrotask later, in order.
 * `delay` slows it, so that batches finish in another order than they were sent.
 */
function inThreadWorker({
	delay = 0,
	reply,
	crash = false
}: { delay?: number; reply?: (r: GroupStatsRequest) => GroupStatsReply; crash?: boolean } = {}): GroupStatsEndpoint & { requests: number } {
	const handle = createGroupStatsHandler();
	const target = new EventTarget();
	const worker = {
		requests: 0,
		postMessage(message: unknown, transfer: Transferable[]) {
			worker.requests++;
			const request = structuredClone(message, { transfer }) as GroupStatsRequest;
			// A crashed worker answers nothing: its 'error' event (a plain Event, no message) is all there is.
			const event = () => (crash ? new Event('error') : new MessageEvent('message', { data: structuredClone((reply ?? handle)(request)) }));
			setTimeout(() => target.dispatchEvent(event()), delay);
		},
		addEventListener: target.addEventListener.bind(target),
		removeEventListener: target.removeEventListener.bind(target)
	};
	return worker;
}

const bytes = (r: unknown) => JSON.stringify(r);

describe('computeReportInPool(bundle, options, workers)', () => {
	it('gives the single-worker report byte for byte with 1, 2, 3 and 4 workers, whatever order they answer in', async () => {
		const single = bytes(computeReport(bundle, { bootstrap: 300 }));
		for (const delays of [[0], [0, 0], [5, 0, 1], [0, 3, 0, 7]]) {
			const workers = delays.map((delay) => inThreadWorker({ delay }));
			expect(bytes(await computeReportInPool(bundle, { bootstrap: 300 }, workers))).toBe(single);
			// Every worker took work: the report did not just come from one of them.
			expect(workers.every((w) => w.requests > 0)).toBe(true);
		}
	}, 60_000);

	it("gives the single-worker report of the 5-model synthetic study's shape (greedy + 64) byte for byte", async () => {
		const study = syntheticBundle({ models: 5, problems: 16, n: 64, words: 60, seed: 11 });
		const workers = [inThreadWorker(), inThreadWorker({ delay: 2 })];
		expect(bytes(await computeReportInPool(study, { bootstrap: 500 }, workers))).toBe(bytes(computeReport(study, { bootstrap: 500 })));
	}, 60_000);

	it("rejects with a worker's error, its class rebuilt on this side", async () => {
		const failing = inThreadWorker({
			reply: (r) => ({ kind: 'error', id: r.id, error: { name: 'StudyError', code: 'invalid-samples', message: 'samples[3].text: not a string' } })
		});
		const error = await computeReportInPool(bundle, {}, [inThreadWorker(), failing]).catch((e: unknown) => e);
		expect(isStudyError(error, 'invalid-samples')).toBe(true);
		expect((error as StudyError).message).toBe('samples[3].text: not a string');
	});

	it('rejects with a readable error when a worker stops', async () => {
		await expect(computeReportInPool(bundle, {}, [inThreadWorker(), inThreadWorker({ crash: true })])).rejects.toThrow(/Worker 2 of the report's diversity stopped \(perhaps out of memory\)\. Reload the page/);
	});

	it('stops sending batches once its signal aborts, and rejects with an AbortError', async () => {
		const worker = inThreadWorker({ delay: 5 });
		const controller = new AbortController();
		const report = computeReportInPool(bundle, {}, [worker], { signal: controller.signal });
		controller.abort();
		await expect(report).rejects.toMatchObject({ name: 'AbortError' });
		const sent = worker.requests;
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(worker.requests).toBe(sent);
	});
});

describe('packJobs(jobs, ks, eadVocabulary)', () => {
	it('unpackJobs gives back the same groups (greedy or not, replaced samples, no samples)', () => {
		const { ks, parts } = groupJobs(bundle, 3);
		for (const jobs of parts) {
			const { request, transfer } = packJobs(jobs, ks, 32000);
			expect(transfer).toHaveLength(6);
			expect(unpackJobs(structuredClone(request, { transfer }))).toEqual(jobs);
		}
		expect(parts.flat().some((j) => j.sampled.length === 0 && j.greedy)).toBe(true);
	});
});
