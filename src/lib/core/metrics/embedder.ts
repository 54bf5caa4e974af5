/**
 * What semantic diversity needs from a sentence embedder. Synchronous on purpose: computeReport
 * stays a pure synchronous function; a neural embedder in the browser precomputes its vectors
 * (asynchronously, in a worker) and hands them over through lookupEmbedder().
 */
export interface Embedder {
	/** Shown wherever semantic diversity is: never claim a neural model that is not there. */
	readonly name: string;
	/** One vector per text, in order. Vectors need not be normalised. */
	embed(texts: readonly string[]): Float32Array[];
	/**
	 * Optional fast path from the shared tokenizer's token hashes (the offline fallback has one),
	 * writing into `out` when given (which must have the embedder's dimension).
	 */
	embedTokens?(tokens: Int32Array, out?: Float32Array): Float32Array;
	/** The vector length, when fixed (lets a caller preallocate for embedTokens). */
	readonly dimensions?: number;
}
