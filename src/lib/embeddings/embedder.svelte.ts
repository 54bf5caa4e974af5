// The sentence-embedding model's state for the UI: cached or not, downloading, ready, failed.
// The model downloads only on the user's request; until then reports use the offline fallback.
import { semanticDiversity } from '../core/metrics';
import { toEngineError } from '../engines/errors';
import { SentenceEmbedder, type EmbedProgress } from './index';
import { embedderName, EMBEDDING_MODEL } from './config';

export type EmbedderStatus = 'unknown' | 'checking' | 'not-downloaded' | 'downloading' | 'ready' | 'failed';

/** Three sentences for the self-test: two paraphrases and one unrelated. */
export const SELF_TEST = ['the cat sat on the mat', 'a cat sat on a mat', 'stock prices fell sharply today'];

class EmbedderStore {
	status = $state<EmbedderStatus>('unknown');
	progress = $state<EmbedProgress | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	selfTest = $state<{ diversity: number | undefined; similarities: number[] } | undefined>(undefined);
	readonly model = EMBEDDING_MODEL;
	readonly name = embedderName();
	#client: SentenceEmbedder | undefined;

	#getClient(): SentenceEmbedder {
		this.#client ??= new SentenceEmbedder();
		return this.#client;
	}

	/** Is the model in the browser cache? Loads it from there if so; never touches the network. */
	async check(): Promise<void> {
		if (this.status !== 'unknown') return;
		this.status = 'checking';
		try {
			await this.#getClient().load({ allowDownload: false });
			this.status = 'ready';
		} catch {
			this.status = 'not-downloaded';
		}
	}

	async download(): Promise<void> {
		this.status = 'downloading';
		this.error = undefined;
		this.progress = undefined;
		try {
			await this.#getClient().load({ allowDownload: true }, (p) => (this.progress = p));
			this.status = 'ready';
		} catch (e) {
			this.error = toEngineError(e).message;
			this.status = 'failed';
		}
	}

	async runSelfTest(): Promise<void> {
		const vectors = await this.#getClient().embedAll(SELF_TEST);
		const v = SELF_TEST.map((t) => vectors.get(t)!);
		const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
		this.selfTest = {
			diversity: semanticDiversity(v),
			similarities: [cos(v[0]!, v[1]!), cos(v[0]!, v[2]!), cos(v[1]!, v[2]!)]
		};
	}
}

export const sentenceEmbedder = new EmbedderStore();
