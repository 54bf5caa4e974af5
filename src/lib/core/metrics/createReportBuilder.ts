import type { Sample } from '../types';
import { createModelPart, type PrecomputedStats } from './createModelPart';
import { createReportCoordinator, type StudyShape } from './createReportCoordinator';
import type { Embedder } from './embedder';
import { hashedNgramEmbedder } from './hashedNgramEmbedder';
import type { Report, ReportOptions } from './reportTypes';
import type { Lap } from '../types';

export interface ReportBuildOptions extends ReportOptions {
	/** Sentence embedder of semantic diversity; default the hashed n-gram offline fallback. */
	embedder?: Embedder;
	/**
	 * Statistics of the initial samples' (model, problem) groups computed elsewhere with groupStats
	 * (worker threads), stats[model by order][problem index], for the k values `ks`. The builder
	 * then keeps no features for those samples, so it takes no further samples.
	 */
	precomputed?: PrecomputedStats;
	/** Told when each phase of the work ends (a benchmark's breakdown); never changes the report. */
	lap?: Lap;
	/**
	 * Keep each (model, problem)'s n-gram and equation counts between reports, so that a sample
	 * added later updates them (work in proportion to its length) instead of a recount of its whole
	 * problem (default true; costs about 10 bytes a token). computeReport, which adds nothing, sets false.
	 */
	keepCounts?: boolean;
}

export interface ReportBuilder {
	/** Take new samples (a sample with the key of an earlier one replaces it). Throws on a sample naming an unknown model or problem. */
	add(samples: readonly Sample[]): void;
	/** The report of every sample added so far; recomputes only what the new samples changed. */
	report(): Report;
	/** Distinct samples held (a replaced sample counts once). */
	readonly sampleCount: number;
}

/**
 * The incremental form of computeReport: per-(model, problem) accumulators keep each sample's
 * features (tokens, embedding, equations) and the problem's statistics; add() marks what changed,
 * report() recomputes those problems' statistics and the aggregates of the models they belong to.
 * The same samples give the same report whatever batches they arrived in. One model part holds every
 * model here; a threaded builder splits them between parts (createModelPart) with the same coordinator.
 */
export function createReportBuilder(study: StudyShape, options: ReportBuildOptions = {}): ReportBuilder {
	const { embedder = hashedNgramEmbedder(), precomputed, lap, keepCounts = true, ...reportOptions } = options;
	const coordinator = createReportCoordinator(study, { ...reportOptions, embedderName: embedder.name, lap });
	const part = createModelPart(study, coordinator.models.map((_, m) => m), coordinator.resolved, { embedder, keepCounts, lap, precomputed, weights: coordinator.weights });
	let sampleCount = 0;
	let maxN = 0;
	let sawGreedy = false;

	function add(samples: readonly Sample[], pre?: PrecomputedStats): void {
		const located = coordinator.locate(samples);
		lap?.('validate');
		const added = part.add(located, pre);
		sampleCount += added.added;
		maxN = added.maxN;
		sawGreedy = added.sawGreedy;
	}

	if (study.samples) add(study.samples, precomputed);
	return {
		add(samples) {
			if (precomputed) throw new Error('createReportBuilder: a builder made from precomputed statistics takes no further samples');
			add(samples);
		},
		report() {
			const plan = coordinator.plan(maxN, sawGreedy);
			return coordinator.assemble(plan, [part.report(plan)]);
		},
		get sampleCount() {
			return sampleCount;
		}
	};
}
