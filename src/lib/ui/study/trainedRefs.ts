// Models the live loop trained in this browser, as a study's refs (the list itself is kept by
// trainedModels.svelte.ts). A trained model is known by the sha256 of its GGUF (its `training`
// record's), not by its id: ids are reused after the demo page forgets its models, and a share link
// carries the record without the file.
import type { ModelRef, TrainingRecord } from '$lib/core/types';
import type { TrainedModel } from '$lib/runner/storage';
import { modelIdFor } from './modelIds';

export type TrainedRef = ModelRef & { training: TrainingRecord };

/** What the picker shows of a trained model. */
export interface TrainedEntry {
	sha256: string;
	label: string;
	/** 'SFT' or 'DPO'. */
	method: string;
	/** The model it was trained from. */
	parent: string;
	/** The first 12 hex digits of its GGUF's sha256. */
	shaPrefix: string;
	bytes: number;
}

export function isTrained(m: ModelRef): m is TrainedRef {
	return m.training !== undefined;
}

export function trainedEntry(t: TrainedModel): TrainedEntry {
	const { training } = t.ref;
	return {
		sha256: training.sha256,
		label: t.ref.label,
		method: training.method.toUpperCase(),
		parent: training.from.label,
		shaPrefix: training.sha256.slice(0, 12),
		bytes: t.gguf.size
	};
}

/** "SFT from M1, sha256 1a2b3c4d5e6f": how a trained model is named beside its label. */
export function trainedSummary(training: TrainingRecord): string {
	return `${training.method.toUpperCase()} from ${training.from.label}, sha256 ${training.sha256.slice(0, 12)}`;
}

/** The study's ref of a kept model: its own ref with its full `training` record, under an id no chosen model has. */
export function trainedRef(t: TrainedModel, order: number, taken: ReadonlySet<string>): TrainedRef {
	return { ...t.ref, id: taken.has(t.ref.id) ? modelIdFor(t.ref.id, taken) : t.ref.id, order };
}

export interface ResolvedTrained {
	/** The models, each trained one with the full record of the kept model it matched. */
	models: ModelRef[];
	/** The GGUF of each matched trained model, by the study's model id (what the runner stores). */
	files: Record<string, Blob>;
	/** Trained models with no kept match: deleted since, or trained in another browser. */
	missing: TrainedRef[];
}

/** Matches every trained model of a study to one kept in this browser, by its GGUF's sha256. */
export function resolveTrained(models: readonly ModelRef[], kept: readonly TrainedModel[]): ResolvedTrained {
	const bySha = new Map(kept.map((t) => [t.ref.training.sha256, t]));
	const files: Record<string, Blob> = {};
	const missing: TrainedRef[] = [];
	const resolved = models.map((m) => {
		if (!isTrained(m)) return m;
		const found = bySha.get(m.training.sha256);
		if (!found) {
			missing.push(m);
			return m;
		}
		files[m.id] = found.gguf;
		return { ...m, training: found.ref.training };
	});
	return { models: resolved, files, missing };
}

/** Why a study cannot run its trained models `missing`, and what to do. */
export function missingTrainedMessage(missing: readonly TrainedRef[]): string {
	const names = missing.map((m) => `${m.label} (${trainedSummary(m.training)})`).join(', ');
	const one = missing.length === 1;
	return (
		`${names} ${one ? 'is' : 'are'} not among the models trained in this browser: deleted on the demo page since, or trained in another browser (a link cannot carry a model). ` +
		`Train ${one ? 'it' : 'them'} again on the demo page ("Train the next iteration") and choose ${one ? 'it' : 'them'} under "Trained in this browser", or remove ${one ? 'it' : 'them'} from the study.`
	);
}
