// A preset's problems: online parts through the paged, cached loader; the rest generated in core.
import type { Problem, Split } from '../core/types';
import { DATASETS, adaptRows, assemblePreset, presetById, type AssembledSet, type DatasetId } from '../core/problems';
import { loadRows, type LoadProgress, type PageCache } from './loadRows';

export interface LoadPresetOptions {
	baseUrl: string;
	cache: PageCache;
	seed: number;
	count: number;
	onProgress?: (p: LoadProgress) => void;
	signal?: AbortSignal;
	fetchImpl?: typeof fetch;
}

/** Every readable problem of one dataset (a seeded page sample when the split is large). */
export async function loadDataset(id: DatasetId, split: Split, o: LoadPresetOptions): Promise<{ problems: Problem[]; skipped: string[] }> {
	const source = DATASETS[id];
	const { rows } = await loadRows({
		baseUrl: o.baseUrl,
		dataset: source.dataset,
		config: source.config,
		split: source.split,
		seed: o.seed,
		cache: o.cache,
		onProgress: o.onProgress,
		signal: o.signal,
		fetchImpl: o.fetchImpl
	});
	return adaptRows(source, rows, split);
}

export async function loadPreset(presetId: string, o: LoadPresetOptions): Promise<AssembledSet> {
	const preset = presetById(presetId);
	if (!preset) throw new RangeError(`There is no preset "${presetId}".`);
	const loaded: (Problem[] | undefined)[] = [];
	let skipped = 0;
	for (const part of preset.parts) {
		if (part.source !== 'huggingface') {
			loaded.push(undefined);
			continue;
		}
		const got = await loadDataset(part.dataset, part.split, o);
		skipped += got.skipped.length;
		loaded.push(got.problems);
	}
	return { ...assemblePreset(preset, loaded, o.count, o.seed), skipped };
}
