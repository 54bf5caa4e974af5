// What a share link may put in a study, decided before anything is fetched (pure, tested in Node).
// A built-in model is the app's own, found by id; a model downloaded from elsewhere (GGUF URL,
// Hugging Face file, custom WebLLM model, whose model library is code the page runs) waits for the
// user to confirm its hosts.
import type { ModelRef } from '$lib/core/types';
import { markInvisible } from '$lib/core/text';
import { engineKind } from '$lib/engines/registry';
import { builtinRef, type BuiltinEntry } from './builtinModels';

export interface PendingModel {
	model: ModelRef;
	/** Where its files would come from, e.g. ["huggingface.co", "raw.githubusercontent.com"]. */
	hosts: string[];
}

export interface VettedModels {
	/** Taken as they are: built-in (from the manifest), WebLLM prebuilt, local or trained. */
	models: ModelRef[];
	/** Downloaded from other hosts: added only when the user confirms. */
	pending: PendingModel[];
	/** Refused, in words. */
	refused: string[];
}

/** The hosts a model's files come from (or, for a server model, the server's), or undefined when it reaches nothing elsewhere. */
export function foreignHosts(model: ModelRef): string[] | undefined {
	return engineKind(model.engine).hosts(model);
}

export function vetSharedModels(shared: readonly ModelRef[], builtins: readonly BuiltinEntry[]): VettedModels {
	const out: VettedModels = { models: [], pending: [], refused: [] };
	for (const m of shared) {
		const name = markInvisible(m.label);
		if (m.engine === 'builtin') {
			const entry = builtins.find((e) => e.id === m.id);
			if (!entry) out.refused.push(`${name} is not built into this version of the app: remove it or add another model.`);
			else if (m.source.trim() !== entry.file) {
				out.refused.push(
					`The link's built-in ${name} (id ${markInvisible(m.id)}) pointed at "${markInvisible(m.source)}" instead of the app's ${entry.file}: left out. Choose ${entry.label} from the built-in models if you want it.`
				);
			} else out.models.push(builtinRef(entry, out.models.length));
			continue;
		}
		const hosts = foreignHosts(m);
		if (hosts) out.pending.push({ model: m, hosts });
		else out.models.push({ ...m, order: out.models.length });
	}
	return out;
}
