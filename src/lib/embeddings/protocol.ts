// Messages between the page and the embeddings worker; ids from crypto.randomUUID().
import type { SerializedError } from '../engines/errors';

export interface EmbedOptions {
	/** Fetch the model when it is not cached yet. False: cached copy only, never the network. */
	allowDownload: boolean;
	/** Hub host (default https://huggingface.co/). */
	host?: string;
	model?: string;
}

export type EmbedRequest =
	| { kind: 'embed-load'; id: string; options: EmbedOptions }
	| { kind: 'embed-texts'; id: string; texts: string[] };

export type EmbedReply =
	| { kind: 'embed-result'; id: string; value: null | Float32Array[] }
	| { kind: 'embed-progress'; id: string; loaded: number; total: number | undefined; file: string }
	| { kind: 'embed-error'; id: string; error: SerializedError };

export function isEmbedRequest(x: unknown): x is EmbedRequest {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && (m.kind === 'embed-load' || m.kind === 'embed-texts');
}

export function isEmbedReply(x: unknown): x is EmbedReply {
	if (typeof x !== 'object' || x === null) return false;
	const m = x as { kind?: unknown; id?: unknown };
	return typeof m.id === 'string' && ['embed-result', 'embed-progress', 'embed-error'].includes(String(m.kind));
}
