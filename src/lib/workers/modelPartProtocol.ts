// Messages between a parted report builder (partedReportBuilder.ts) and a thread holding some of
// its models (a Web Worker in the page, a worker thread in Node). Relative imports: Node's threads
// load this module too.
import { createModelPart, type LocatedSample, type ModelPart, type PartAdded, type PartPlan, type PartReport, type PartStudy } from '../core/metrics/createModelPart';
import type { ResolvedOptions } from '../core/metrics/reportTypes';
import { serializeError, type SerializedError } from './reportErrors';

export type PartRequest =
	| { kind: 'init'; id: number; study: PartStudy; own: number[]; resolved: ResolvedOptions; keepCounts: boolean }
	| { kind: 'add'; id: number; samples: LocatedSample[] }
	| { kind: 'report'; id: number; plan: PartPlan };

/** One reply per request, in order, naming it by id. */
export type PartReply =
	| { kind: 'ready'; id: number }
	| { kind: 'added'; id: number; added: PartAdded }
	| { kind: 'report'; id: number; report: PartReport }
	| { kind: 'error'; id: number; error: SerializedError };

/**
 * What a part's thread does with a request, without the thread (a unit test calls it in the same
 * thread). The part exists from 'init' on; the hashed n-gram embedder is the only one it runs.
 */
export function createModelPartHost(): (request: PartRequest) => PartReply {
	let part: ModelPart | undefined;
	return (request) => {
		try {
			switch (request.kind) {
				case 'init':
					part = createModelPart(request.study, request.own, request.resolved, { keepCounts: request.keepCounts });
					return { kind: 'ready', id: request.id };
				case 'add':
					if (!part) throw new Error('model part: samples before init');
					return { kind: 'added', id: request.id, added: part.add(request.samples) };
				case 'report':
					if (!part) throw new Error('model part: report before init');
					return { kind: 'report', id: request.id, report: part.report(request.plan) };
				default:
					throw new Error(`model part: unknown request '${String((request as { kind?: unknown }).kind)}'`);
			}
		} catch (e) {
			return { kind: 'error', id: request.id, error: serializeError(e) };
		}
	};
}
