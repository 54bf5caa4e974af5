// The models the live loop trained and kept in this browser: the one list the demo page's loop adds
// to and the study page offers. Read from IndexedDB on demand (never at import time), and read again
// when a study is created, so a model deleted on the demo page since it was chosen is caught in
// words, not by the runner.
import type { ModelRef } from '$lib/core/types';
import type { TrainedModel } from '$lib/runner/storage';
import { isTrained, missingTrainedMessage, resolveTrained, type ResolvedTrained } from './trainedRefs';

class TrainedModels {
	list = $state.raw<TrainedModel[]>([]);
	/** False until the list has been read once. */
	checked = $state(false);
	/** Storage refused, in words. */
	error = $state<string | undefined>();

	#opened: Promise<import('$lib/runner/storage').IdbTrainedStore> | undefined;

	/** One connection for the page's life (each store object opens the database). */
	#store() {
		this.#opened ??= import('$lib/runner/storage').then(({ IdbTrainedStore }) => new IdbTrainedStore());
		return this.#opened;
	}

	async #read(): Promise<TrainedModel[]> {
		return (await this.#store()).list();
	}

	/** Keeps a model the loop just trained (after it is stored, so a reload finds it). */
	async add(model: TrainedModel): Promise<void> {
		await (await this.#store()).put(model);
		this.list = [...this.list.filter((m) => m.ref.id !== model.ref.id), model];
	}

	/** Forgets every trained model (studies that used one keep their own copy of its file). */
	async clear(): Promise<void> {
		const store = await this.#store();
		for (const m of this.list) await store.delete(m.ref.id);
		this.list = [];
	}

	async load(): Promise<void> {
		try {
			this.list = await this.#read();
			this.error = undefined;
		} catch (e) {
			this.error = `The models trained in this browser could not be read from its storage (${e instanceof Error ? e.message : String(e)}); the other models still work.`;
		}
		this.checked = true;
	}

	/**
	 * A new study's models with the files of its trained ones, matched to the models kept now (read
	 * afresh); or, when one is not kept any more or storage refuses, what to do, in words.
	 */
	async forRun(models: readonly ModelRef[]): Promise<Pick<ResolvedTrained, 'models' | 'files'> | { error: string }> {
		if (!models.some(isTrained)) return { models: [...models], files: {} };
		try {
			this.list = await this.#read();
		} catch (e) {
			return { error: `The models trained in this browser could not be read (${e instanceof Error ? e.message : String(e)}): reload the page, or remove them from the study.` };
		}
		const { missing, ...resolved } = resolveTrained(models, this.list);
		return missing.length ? { error: missingTrainedMessage(missing) } : resolved;
	}
}

export const trainedModels = new TrainedModels();
