// Keeps the last lines llama.cpp printed, because wllama resolves a failed load without saying
// why: the reason is only in the log ("invalid magic characters", "not within the file bounds").

const ERRORISH = /error|failed|invalid|not within|corrupt|unknown model|key not found|wrong|unable|cannot|unsupported|out of memory/i;
/** Lines that name the cause, preferred over the generic "failed to load model" that follows them. */
const SPECIFIC = /error loading model|gguf_init|invalid magic|not within the file|key not found|unknown model architecture|wrong shape|corrupted|out of memory/i;
const NOISE = /^\s*$|need to evaluate at least 1 token|n_past was set/;

export class LogTail {
	#lines: string[] = [];
	constructor(private readonly size = 80) {}

	push(...parts: unknown[]): void {
		const line = parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ').trim();
		if (NOISE.test(line)) return;
		this.#lines.push(line);
		if (this.#lines.length > this.size) this.#lines.shift();
	}

	clear(): void {
		this.#lines = [];
	}

	/** The last line that reads like an error, without logger prefixes; undefined when none. */
	lastError(): string | undefined {
		const line = this.#last(SPECIFIC) ?? this.#last(ERRORISH);
		// "llama_model_load: error loading model: error loading model architecture: unknown ..." -> the cause.
		return line?.replace(/^(@@\w+@@|\[[^\]]*\])\s*/g, '').replace(/^.*error loading model[^:]*:\s*/, '');
	}

	#last(pattern: RegExp): string | undefined {
		for (let i = this.#lines.length - 1; i >= 0; i--) {
			const line = this.#lines[i] ?? '';
			if (pattern.test(line)) return line;
		}
		return undefined;
	}
}
