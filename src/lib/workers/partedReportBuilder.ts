// A live report builder whose models are split between this thread and others (both cores): each
// thread holds a model part (createModelPart) and this one also the coordinator, which places the
// samples, plans each report and assembles the parts' answers. Nothing a part computes depends on
// another part's models, so the report is the same bytes as createReportBuilder's for the same
// samples, whatever the number of threads. Relative imports: Node's benchmark loads this too.
import { createModelPart, type PartAdded, type PartReport } from '../core/metrics/createModelPart';
import { createReportCoordinator, type StudyShape } from '../core/metrics/createReportCoordinator';
import { hashedNgramEmbedder } from '../core/metrics/hashedNgramEmbedder';
import type { Report, ReportOptions } from '../core/metrics/reportTypes';
import type { Sample } from '../core/types';
import type { PartReply, PartRequest } from './modelPartProtocol';
import { rebuildError } from './reportErrors';

/** A thread holding one part: a Web Worker, or a Node MessagePort (its worker's crash forwarded as 'error'). */
export interface PartEndpoint {
	postMessage(message: PartRequest): void;
	addEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
	removeEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
}

export interface PartedReportBuilder {
	/** Take new samples (validated here: a bad one throws and nothing is taken). */
	add(samples: readonly Sample[]): void;
	/** The report of every sample added so far (reports run one after another, in call order). */
	report(): Promise<Report>;
	/** Distinct samples held, as of the last report. */
	readonly sampleCount: number;
	/** Stops listening to the threads (their owner ends them). */
	close(): void;
}

type Request = PartRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function channel(endpoint: PartEndpoint, k: number) {
	let next = 0;
	let stopped: Error | undefined;
	const waiting = new Map<number, { resolve: (r: PartReply) => void; reject: (e: Error) => void }>();
	const onMessage = (event: Event) => {
		const reply = (event as MessageEvent<PartReply>).data;
		const w = waiting.get(reply.id);
		if (!w) return;
		waiting.delete(reply.id);
		if (reply.kind === 'error') w.reject(rebuildError(reply.error));
		else w.resolve(reply);
	};
	const onError = (event: Event) => {
		const message = (event as Partial<ErrorEvent>).message;
		stopped = new Error(`Thread ${k + 1} of the live report stopped${message ? `: ${message}` : ' (perhaps out of memory)'}. Reload the page to report again.`);
		for (const w of waiting.values()) w.reject(stopped);
		waiting.clear();
	};
	endpoint.addEventListener('message', onMessage);
	endpoint.addEventListener('error', onError);
	return {
		send(request: Request): Promise<PartReply> {
			if (stopped) return Promise.reject(stopped);
			const id = next++;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				endpoint.postMessage({ ...request, id } as PartRequest);
			});
		},
		close() {
			endpoint.removeEventListener('message', onMessage);
			endpoint.removeEventListener('error', onError);
		}
	};
}

/**
 * The builder over `study` with one part here (part 0) and one in each of `endpoints`: model m (by
 * order) goes to part m mod (endpoints + 1). Samples are validated before any is sent.
 */
export function createPartedReportBuilder(study: StudyShape, endpoints: readonly PartEndpoint[], options: ReportOptions & { keepCounts?: boolean } = {}): PartedReportBuilder {
	const { keepCounts = true, ...reportOptions } = options;
	const coordinator = createReportCoordinator(study, { ...reportOptions, embedderName: hashedNgramEmbedder().name });
	const parts = endpoints.length + 1;
	const here = 0;
	const ownerOf = (m: number): number => m % parts;
	const ownBy = (k: number): number[] => coordinator.models.map((_, m) => m).filter((m) => ownerOf(m) === k);
	const partStudy = { models: study.models, problems: study.problems };
	const channels = endpoints.map((endpoint, k) => channel(endpoint, k));
	const local = createModelPart(partStudy, ownBy(here), coordinator.resolved, { keepCounts, weights: coordinator.weights });
	const latest: PartAdded[] = Array.from({ length: parts }, () => ({ added: 0, maxN: 0, sawGreedy: false }));
	let sampleCount = 0;
	/** Replies not yet awaited (init, add): the next report waits for them. */
	let pending: Promise<unknown>[] = channels.map((c, k) => c.send({ kind: 'init', study: partStudy, own: ownBy(k + 1), resolved: coordinator.resolved, keepCounts }));
	let queue: Promise<unknown> = Promise.resolve();
	/** A failed report leaves the parts and the coordinator out of step: every later call says so. */
	let broken: Error | undefined;

	const took = (k: number, added: PartAdded): void => {
		latest[k] = added;
		sampleCount += added.added;
	};

	function add(samples: readonly Sample[]): void {
		if (broken) throw broken;
		const located = coordinator.locate(samples);
		const shares = Array.from({ length: parts }, (): typeof located => []);
		for (const l of located) shares[ownerOf(l.m)]!.push(l);
		channels.forEach((c, i) => {
			const k = i + 1;
			if (shares[k]!.length > 0) pending.push(c.send({ kind: 'add', samples: shares[k]! }).then((r) => took(k, (r as Extract<PartReply, { kind: 'added' }>).added)));
		});
		// This thread's share is taken while the others take theirs.
		if (shares[here]!.length > 0) took(here, local.add(shares[here]!));
	}

	async function reportNow(): Promise<Report> {
		if (broken) throw broken;
		try {
			const waits = pending;
			pending = [];
			await Promise.all(waits);
			const plan = coordinator.plan(Math.max(...latest.map((a) => a.maxN)), latest.some((a) => a.sawGreedy));
			const remote = channels.map((c) => c.send({ kind: 'report', plan }));
			const mine = local.report(plan);
			const replies = (await Promise.all(remote)) as Extract<PartReply, { kind: 'report' }>[];
			const answers: PartReport[] = [mine, ...replies.map((r) => r.report)];
			return coordinator.assemble(plan, answers);
		} catch (e) {
			broken = e instanceof Error ? e : new Error(String(e));
			throw broken;
		}
	}

	if (study.samples) add(study.samples);
	return {
		add,
		report() {
			const run = queue.then(reportNow, reportNow);
			queue = run.catch(() => undefined);
			return run;
		},
		get sampleCount() {
			return sampleCount;
		},
		close() {
			for (const c of channels) c.close();
		}
	};
}
