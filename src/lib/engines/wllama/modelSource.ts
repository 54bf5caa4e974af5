// Where a wllama model's bytes come from, decided from its ModelRef (pure, tested in Node).
import type { ModelRef } from '../../core/types';
import type { LoadOptions } from '../types';
import { ModelFileError } from '../errors';

export type ModelSource =
	| { type: 'url'; url: string; cache: boolean }
	| { type: 'file'; file: Blob };

const HF = 'https://huggingface.co';

/**
 * Hugging Face sources are written `hf:owner/repo/path/to/file.gguf` (optionally
 * `hf:owner/repo@revision/path`); the file is fetched by the user's browser from the hub.
 */
export function huggingFaceUrl(spec: string): string {
	const m = /^(?:hf:)?([\w.-]+)\/([\w.-]+)(?:@([\w./-]+?))?\/(.+\.gguf)$/i.exec(spec.trim());
	if (!m) {
		throw new ModelFileError(
			`"${spec}" is not a Hugging Face GGUF reference: write it as owner/repo/file.gguf (e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf).`
		);
	}
	const [, owner, repo, revision = 'main', path = ''] = m;
	return `${HF}/${owner}/${repo}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export function resolveModelSource(model: ModelRef, options: LoadOptions): ModelSource {
	if (options.file) return { type: 'file', file: options.file };
	const source = model.source.trim();
	if (model.engine === 'builtin') {
		if (!options.baseUrl) throw new ModelFileError(`The built-in model "${model.label}" needs the app's models URL; this is a bug in the caller.`);
		return { type: 'url', url: new URL(source, options.baseUrl).href, cache: false };
	}
	if (source.startsWith('hf:')) return { type: 'url', url: huggingFaceUrl(source), cache: true };
	if (source.startsWith('file:')) {
		throw new ModelFileError(`The local file "${source.slice(5)}" for model "${model.label}" is not available any more: choose it again.`);
	}
	let url: URL;
	try {
		url = new URL(source);
	} catch {
		throw new ModelFileError(`"${source}" is not a URL: give a full https:// address of a .gguf file, or hf:owner/repo/file.gguf.`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ModelFileError(`"${source}" should start with https:// (or hf: for a Hugging Face file).`);
	}
	return { type: 'url', url: url.href, cache: true };
}
