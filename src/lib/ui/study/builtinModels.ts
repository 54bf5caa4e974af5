// The built-in tiny models as listed by static/models/manifest.json (written by the trainer).
import type { ModelRef, PromptTemplate } from '$lib/core/types';

export interface BuiltinEntry {
	id: string;
	label: string;
	file: string;
	bytes: number;
	/** Self-improvement iteration (1 = M1), when the manifest says. */
	iteration?: number;
}

/** Another chain trained from the same first model (e.g. iterative DPO beside iterative SFT). */
export interface BuiltinVariant {
	id: string;
	label: string;
	models: BuiltinEntry[];
}

export interface BuiltinManifest {
	/** The main chain, M1 first: what the demo runs. */
	models: BuiltinEntry[];
	variants: BuiltinVariant[];
	prompt?: { template: string; extractor?: string };
}

/** Every built-in model, the main chain first. */
export function builtinEntries(manifest: BuiltinManifest | undefined): BuiltinEntry[] {
	return manifest ? [...manifest.models, ...manifest.variants.flatMap((v) => v.models)] : [];
}

function entriesOf(list: unknown[]): BuiltinEntry[] {
	return list
		.filter(
			(e): e is BuiltinEntry =>
				typeof e === 'object' && e !== null && typeof (e as BuiltinEntry).id === 'string' && typeof (e as BuiltinEntry).file === 'string' && typeof (e as BuiltinEntry).bytes === 'number'
		)
		.map((e) => ({
			id: e.id,
			file: e.file,
			bytes: e.bytes,
			label: typeof e.label === 'string' ? e.label : e.id,
			...(Number.isInteger(e.iteration) ? { iteration: e.iteration } : {})
		}));
}

/** Reads the manifest's parts this page needs; anything malformed yields undefined. */
export function parseManifest(json: unknown): BuiltinManifest | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const m = json as { models?: unknown; variants?: unknown; prompt?: { template?: unknown; extractor?: unknown } };
	if (!Array.isArray(m.models)) return undefined;
	const variants = (Array.isArray(m.variants) ? m.variants : [])
		.filter((v): v is { id: string; label?: unknown; models: unknown[] } => typeof v === 'object' && v !== null && typeof v.id === 'string' && Array.isArray(v.models))
		.map((v) => ({ id: v.id, label: typeof v.label === 'string' ? v.label : v.id, models: entriesOf(v.models) }))
		.filter((v) => v.models.length > 0);
	const template = typeof m.prompt?.template === 'string' ? m.prompt.template : undefined;
	const extractor = typeof m.prompt?.extractor === 'string' ? m.prompt.extractor : undefined;
	return {
		models: entriesOf(m.models),
		variants,
		...(template ? { prompt: { template, ...(extractor ? { extractor } : {}) } } : {})
	};
}

export function builtinRef(entry: BuiltinEntry, order: number): ModelRef {
	return { id: entry.id, label: entry.label, engine: 'builtin', source: entry.file, order };
}

/** The completion prompt the built-in family was trained on. */
export function builtinTemplate(manifest: BuiltinManifest): PromptTemplate | undefined {
	return manifest.prompt ? { style: 'raw', form: 'completion', text: manifest.prompt.template } : undefined;
}
