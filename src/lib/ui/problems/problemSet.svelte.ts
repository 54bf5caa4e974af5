// State of the problems page: the chosen source (preset or upload), its problems and the exemplar
// pool. The prompt template and the number of problems belong to the study form (ui/study/studyForm).
// An accepted upload is kept in IndexedDB (runner/storage) and listed again after a reload.
// Browser APIs (IndexedDB, location, localStorage) are touched only by methods called after mount,
// so the page prerenders.
import type { Problem, ProblemSetRef } from '$lib/core/types';
import type { IdbUploadStore, UploadedProblems } from '$lib/runner/storage';
import { studyForm } from '$lib/ui/study/studyForm.svelte';
import { markInvisible } from '$lib/core/text';
import { keptUpload } from './keptUpload';
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
	/** The upload kept in this browser, once read (listed or not); undefined when none. */
	kept = $state.raw<UploadedProblems | undefined>(undefined);
	/** Words when the kept upload could not be saved or read back (what is listed is unaffected). */
	keptNote = $state('');
	#abort: AbortController | undefined;
	#cache = idbCache();
	#initialized = false;
	#uploads: Promise<IdbUploadStore> | undefined;
	/** Bumped by every change of the listed problems, so a slower restore never overwrites a newer choice. */
	#generation = 0;

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

	/** One connection for the page's life, opened on first use (never at import time). */
	#store(): Promise<IdbUploadStore> {
		this.#uploads ??= import('$lib/runner/storage').then(({ IdbUploadStore }) => new IdbUploadStore());
		return this.#uploads;
	}

	/**
	 * On arrival at a page that lists problems: the upload kept in this browser when it was the set in
	 * use, else the chosen preset (online ones only when `online`). Nothing happens when problems are
	 * listed already or being loaded.
	 */
	async start({ online = true }: { online?: boolean } = {}): Promise<void> {
		if (this.problems.length || this.status === 'loading') return;
		const generation = this.#generation;
		await this.readKept();
		if (generation !== this.#generation || this.problems.length) return;
		if (this.kept?.inUse) this.#list(this.kept.problems, this.kept.name);
		else if (online || !this.preset?.online) await this.load();
	}

	/** Reads the kept upload (once per page life); storage that refuses only costs the keeping. */
	async readKept(): Promise<void> {
		if (this.kept) return;
		try {
			const read = keptUpload(await (await this.#store()).get());
			if (read && 'error' in read) this.keptNote = read.error;
			else this.kept = read;
		} catch (e) {
			this.keptNote = `This browser's storage could not be read (${e instanceof Error ? e.message : String(e)}), so an earlier upload cannot be listed; uploading again works.`;
		}
	}

	/** Keeps the record; on failure says so, and the problems listed stay listed. */
	async #keep(upload: UploadedProblems): Promise<void> {
		try {
			await (await this.#store()).put(upload);
			this.kept = upload;
			this.keptNote = '';
		} catch (e) {
			const full = e instanceof Error && e.name === 'QuotaError';
			this.keptNote = `${markInvisible(upload.name)} is listed, but this browser ${full ? 'has no room left to keep it' : `refused to keep it (${e instanceof Error ? e.message : String(e)})`}: after a reload it will be gone until it is uploaded again.`;
		}
	}

	/** Marks the kept upload as not in use (a preset was loaded instead); it stays kept and offered. */
	async #setAside(): Promise<void> {
		await this.readKept();
		if (this.kept?.inUse) await this.#keep({ ...this.kept, inUse: false });
	}

	/** Lists the kept upload again. */
	async useKept(): Promise<void> {
		const kept = this.kept;
		if (!kept) return;
		this.#abort?.abort();
		this.#list(kept.problems, kept.name);
		await this.#keep({ ...kept, inUse: true });
	}

	/** Forgets the kept upload; the problems listed now stay listed for this page. */
	async forgetKept(): Promise<void> {
		try {
			await (await this.#store()).delete();
			this.kept = undefined;
			this.keptNote = '';
		} catch (e) {
			this.keptNote = `The kept upload could not be removed (${e instanceof Error ? e.message : String(e)}).`;
		}
	}

	/** Loads the chosen preset with the study form's count; on failure the problems already listed stay. */
	async load(): Promise<void> {
		const preset = this.preset;
		if (!preset) return;
		const count = studyForm.problemCount;
		if (!Number.isInteger(this.seed) || !Number.isInteger(count) || count < 1 || count > 5000) {
			this.status = 'error';
			this.error = 'Seed should be a whole number and count a whole number from 1 to 5000.';
			return;
		}
		this.#abort?.abort();
		const abort = (this.#abort = new AbortController());
		this.#generation++;
		this.status = 'loading';
		this.error = '';
		this.progress = preset.online ? `Loading ${preset.label}...` : 'Generating...';
		try {
			const set = preset.online
				? await loadPreset(preset.id, {
						baseUrl: this.baseUrl,
						cache: this.#cache,
						seed: this.seed,
						count,
						signal: abort.signal,
						onProgress: (p) => (this.progress = p.text)
					})
				: assemblePreset(preset, [], count, this.seed);
			if (abort.signal.aborted) return;
			this.problems = set.problems;
			this.pool = set.pool;
			this.uploadName = undefined;
			this.selectedId = set.problems[0]?.id;
			this.sourceLabel = `${preset.label} · seed ${this.seed}${set.skipped ? ` · ${set.skipped} unreadable rows skipped` : ''}`;
			this.status = 'ready';
			this.progress = '';
			if (preset.online) void this.countCache();
			void this.#setAside();
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

	/** An upload the user accepted: listed now, and kept in this browser (replacing any earlier one). */
	async useUploaded(problems: Problem[], fileName: string): Promise<void> {
		this.#abort?.abort();
		this.#list(problems, fileName);
		await this.#keep({ name: fileName, problems, inUse: true, savedAt: new Date().toISOString() });
	}

	#list(problems: Problem[], fileName: string): void {
		this.#generation++;
		this.problems = problems;
		this.uploadName = fileName;
		// An upload brings no exemplar pool of its own; few-shot draws from the offline generator.
		this.pool = assemblePreset(presetById('offline') as Preset, [], 0, this.seed).pool;
		this.selectedId = problems[0]?.id;
		this.sourceLabel = `Uploaded: ${fileName}`;
		this.status = 'ready';
		this.progress = '';
		this.error = '';
	}
}

export const problemSet = new ProblemSetStore();
export { PRESETS };
