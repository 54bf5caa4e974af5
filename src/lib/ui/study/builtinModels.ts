// The built-in tiny models as listed by static/models/manifest.json (written by the trainer).
import type { ModelRef, PromptTemplate } from '$lib/core/types';

export interface BuiltinEntry {
	id: string;
	label: string;
	file: string;
	bytes: number;
}

export interface BuiltinManifest {
	models: BuiltinEntry[];
	prompt?: { template: string; extractor?: string };
}

/** Reads the manifest's parts this page needs; anything malformed yields undefined. */
export function parseManifest(json: unknown): BuiltinManifest | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const m = json as { models?: unknown; prompt?: { template?: unknown; extractor?: unknown } };
	if (!Array.isArray(m.models)) return undefined;
	const models = m.models.filter(
		(e): e is BuiltinEntry =>
			typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.file === 'string' && typeof e.bytes === 'number'
	);
	const template = typeof m.prompt?.template === 'string' ? m.prompt.template : undefined;
	const extractor = typeof m.prompt?.extractor === 'string' ? m.prompt.extractor : undefined;
	return {
		models: models.map((e) => ({ ...e, label: typeof e.label === 'string' ? e.label : e.id })),
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
