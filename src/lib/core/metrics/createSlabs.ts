const CHUNK = 1 << 20;

export interface Slabs {
	int32(length: number): Int32Array;
	float32(length: number): Float32Array;
	/**
	 * Hand out the same buffers again from their start: every view given so far is overwritten by
	 * later ones. For a caller whose features die with each unit of work (groupStats, per group),
	 * so a whole report reuses a few buffers instead of allocating hundreds of megabytes.
	 */
	reset(): void;
}

/** One kind of typed array carved out of 1M-element chunks, kept for reuse after a reset. */
function carver<T extends Int32Array | Float32Array>(make: (length: number) => T): { take(length: number): T; reset(): void } {
	const chunks: T[] = [make(CHUNK)];
	let chunk = 0;
	let at = 0;
	return {
		take(length) {
			if (length > CHUNK / 4) return make(length);
			if (at + length > CHUNK) {
				chunk++;
				if (chunk === chunks.length) chunks.push(make(CHUNK));
				at = 0;
			}
			const view = chunks[chunk]!.subarray(at, at + length) as T;
			at += length;
			return view;
		},
		reset() {
			chunk = 0;
			at = 0;
		}
	};
}

/**
 * Typed-array views carved out of large shared buffers (1M elements each), for the many small,
 * long-lived arrays of a report builder. A view is never freed alone; the buffers go with the builder.
 */
export function createSlabs(): Slabs {
	const ints = carver((n) => new Int32Array(n));
	const floats = carver((n) => new Float32Array(n));
	return {
		int32: ints.take,
		float32: floats.take,
		reset() {
			ints.reset();
			floats.reset();
		}
	};
}
