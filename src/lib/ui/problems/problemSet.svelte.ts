// State of the problems page: the chosen source (preset or upload), its problems and the exemplar
// pool. The prompt template belongs to the study form (ui/study/studyForm). Browser APIs (IndexedDB, location, localStorage) are touched only by methods called
// after mount, so the page prerenders.
import type { Problem, ProblemSetRef } from '$lib/core/types';
import { PRESETS, assemblePreset, presetById, type Preset } from '$lib/core/problems';
import { DEFAULT_DATASETS_BASE } from '$lib/datasets/fetchRows';
import { idbCache } from '$lib/datasets/idbCache';
import { loadPreset } from '$lib/datasets/loadPreset';
import { isDatasetError } from '$lib/datasets/errors';

export const DATASETS_KEY = 'rl-datasets-base';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

class ProblemSetStore {
	presetId = $state<string>('offline');
	seed = $state(7);
	count = $state(100);
	baseUrl = $state(DEFAULT_DATASETS_BASE);
	problems = $state.raw<Problem[]>([]);
	pool = $state.raw<Problem[]>([]);
	/** Words for where the listed problems came from, e.g. "Offline preset, seed 7". */
	sourceLabel = $state('');
	status = $state<LoadStatus>('idle');
	progress = $state('');
	error = $state('');
	selectedId = $state<string | undefined>(undefined);
	/** Dataset pages kept in this browser (IndexedDB); undefined until counted. */
	cachedPages = $state<number | undefined>(undefined);
	/** Set when the listed problems came from a file, not a preset. */
	uploadName = $state<string | undefined>(undefined);
	#abort: AbortController | undefined;
	#cache = idbCache();
	#initialized = false;

	readonly preset = $derived<Preset | undefined>(presetById(this.presetId));
	readonly selected = $derived(this.problems.find((p) => p.id === this.selectedId) ?? this.problems[0]);
	/** What the study configuration records about where its problems came from. */
	readonly ref = $derived<ProblemSetRef>(
		this.uploadName !== undefined
			? { source: 'upload', id: this.uploadName, count: this.problems.length }
			: { source: this.preset?.online ? 'huggingface' : 'builtin', id: this.presetId, seed: this.seed, count: this.problems.length }
	);

	/**
	 * Reads ?datasets= (or the stored setting) once the page is in a browser. Any page using the
	 * picker calls it; a ?datasets= in a later page's address still wins.
	 */
	init(search: string): void {
		const fromUrl = new URLSearchParams(search).get('datasets');
		if (this.#initialized && !fromUrl) return;
		this.#initialized = true;
		let stored: string | null = null;
		try {
			stored = localStorage.getItem(DATASETS_KEY);
		} catch {
			/* storage blocked: the default stays */
		}
		this.baseUrl = fromUrl || stored || DEFAULT_DATASETS_BASE;
	}

	setBaseUrl(url: string): void {
		this.baseUrl = url.trim() || DEFAULT_DATASETS_BASE;
		try {
			localStorage.setItem(DATASETS_KEY, this.baseUrl);
		} catch {
			/* storage blocked: the setting lasts for this page only */
		}
	}

	choosePreset(id: string): void {
		this.presetId = id;
	}

	/** Loads the chosen preset; on failure the problems already listed stay. */
	async load(): Promise<void> {
		const preset = this.preset;
		if (!preset) return;
		if (!Number.isInteger(this.seed) || !Number.isInteger(this.count) || this.count < 1 || this.count > 5000) {
			this.status = 'error';
			this.error = 'Seed should be a whole number and count a whole number from 1 to 5000.';
			return;
		}
		this.#abort?.abort();
		const abort = (this.#abort = new AbortController());
		this.status = 'loading';
		this.error = '';
		this.progress = preset.online ? `Loading ${preset.label}...` : 'Generating...';
		try {
			const set = preset.online
				? await loadPreset(preset.id, {
						baseUrl: this.baseUrl,
						cache: this.#cache,
						seed: this.seed,
						count: this.count,
						signal: abort.signal,
						onProgress: (p) => (this.progress = p.text)
					})
				: assemblePreset(preset, [], this.count, this.seed);
			if (abort.signal.aborted) return;
			this.problems = set.problems;
			this.pool = set.pool;
			this.uploadName = undefined;
			this.selectedId = set.problems[0]?.id;
			this.sourceLabel = `${preset.label} · seed ${this.seed}${set.skipped ? ` · ${set.skipped} unreadable rows skipped` : ''}`;
			this.status = 'ready';
			this.progress = '';
			if (preset.online) void this.countCache();
		} catch (e) {
			if (isDatasetError(e, 'aborted')) return;
			this.status = 'error';
			this.progress = '';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Stops a preset's download; the problems listed before stay (pages already loaded stay cached). */
	cancel(): void {
		if (this.status !== 'loading') return;
		this.#abort?.abort();
		this.#abort = undefined;
		this.status = this.problems.length ? 'ready' : 'idle';
		this.progress = '';
	}

	async countCache(): Promise<void> {
		this.cachedPages = await this.#cache.count().catch(() => undefined);
	}

	async clearCache(): Promise<void> {
		await this.#cache.clear().catch(() => undefined);
		await this.countCache();
	}

	useUploaded(problems: Problem[], fileName: string): void {
		this.problems = problems;
		this.uploadName = fileName;
		// An upload brings no exemplar pool of its own; few-shot draws from the offline generator.
		this.pool = assemblePreset(presetById('offline') as Preset, [], 0, this.seed).pool;
		this.selectedId = problems[0]?.id;
		this.sourceLabel = `Uploaded: ${fileName}`;
		this.status = 'ready';
		this.error = '';
	}
}

export const problemSet = new ProblemSetStore();
export { PRESETS };
