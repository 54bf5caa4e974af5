// A built-in model is what the app's own static/models/manifest.json says, found by id: never
// the source a link or a bundle wrote beside it, and never a file whose sha256 differs.
import type { ModelRef } from '../../core/types';
import { ModelFileError } from '../errors';

export interface BuiltinFile {
	/** Absolute URL of the file, under the app's models folder. */
	url: string;
	sha256: string;
}

type ManifestEntry = { id?: unknown; file?: unknown; sha256?: unknown };

/**
 * The manifest's file of a built-in model (pure): looked up by `model.id` among the main chain and
 * the variants; refused when the id is unknown, when `model.source` names another file (a forged
 * link), or when the manifest's file is not a plain name in the models folder.
 */
export function builtinFileFor(model: ModelRef, manifest: unknown, baseUrl: string): BuiltinFile {
	const m = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as { models?: unknown; variants?: unknown };
	const variants = Array.isArray(m.variants) ? (m.variants as { models?: unknown }[]) : [];
	const entries = [m.models, ...variants.map((v) => v?.models)].flatMap((list) => (Array.isArray(list) ? (list as ManifestEntry[]) : []));
	const entry = entries.find((e) => e?.id === model.id);
	if (!entry || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string') {
		throw new ModelFileError(`"${model.label}" (id ${model.id}) is not a built-in model of this version of the app: remove it from the study, or add it as a GGUF model.`);
	}
	if (!/^[\w][\w.-]*\.gguf$/.test(entry.file)) throw new ModelFileError(`The app's models manifest names "${entry.file}" for ${model.id}, which is not a file of its models folder; reinstall the site.`);
	if (model.source.trim() !== entry.file) {
		throw new ModelFileError(
			`The built-in model "${model.label}" (id ${model.id}) was given the source "${model.source}", but the app's ${model.id} is ${entry.file}: a link or file that changes a built-in model's source is refused. Choose the built-in model again, or add that file as a GGUF model by URL.`
		);
	}
	return { url: new URL(entry.file, baseUrl).href, sha256: entry.sha256.toLowerCase() };
}

/** The built-in model's file from the app's own manifest (fetched beside the models). */
export async function resolveBuiltinFile(model: ModelRef, baseUrl: string, signal: AbortSignal): Promise<BuiltinFile> {
	const url = new URL('manifest.json', baseUrl).href;
	let manifest: unknown;
	try {
		const response = await fetch(url, { signal });
		if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
		manifest = await response.json();
	} catch (e) {
		throw new ModelFileError(`The app's models manifest (${url}) could not be read (${e instanceof Error ? e.message : String(e)}); reload the page.`);
	}
	return builtinFileFor(model, manifest, baseUrl);
}

/** Hex SHA-256 of the bytes (Web Crypto, in the page and in Node). */
export async function sha256Hex(blob: Blob): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws unless the downloaded file is the one the manifest names. */
export async function checkBuiltinFile(blob: Blob, file: BuiltinFile, label: string): Promise<void> {
	const actual = await sha256Hex(blob);
	if (actual !== file.sha256) {
		throw new ModelFileError(
			`The built-in model "${label}" (${file.url}) is not the file the app's manifest names: sha256 ${actual.slice(0, 16)}…, expected ${file.sha256.slice(0, 16)}…. The site's files are damaged or were replaced; reload, or reinstall the site.`
		);
	}
}
