const CHUNK = 1 << 20;

/**
 * Typed-array views carved out of large shared buffers (1M elements each), for the many small,
 * long-lived arrays of a report builder. A view is never freed alone; the buffers go with the builder.
 */
export function createSlabs(): { int32(length: number): Int32Array; float32(length: number): Float32Array } {
	let ints = new Int32Array(CHUNK);
	let intAt = 0;
	let floats = new Float32Array(CHUNK);
	let floatAt = 0;
	return {
		int32(length) {
			if (length > CHUNK / 4) return new Int32Array(length);
			if (intAt + length > ints.length) {
				ints = new Int32Array(CHUNK);
				intAt = 0;
			}
			const view = ints.subarray(intAt, intAt + length);
			intAt += length;
			return view;
		},
		float32(length) {
			if (length > CHUNK / 4) return new Float32Array(length);
			if (floatAt + length > floats.length) {
				floats = new Float32Array(CHUNK);
				floatAt = 0;
			}
			const view = floats.subarray(floatAt, floatAt + length);
			floatAt += length;
			return view;
		}
	};
}
