// IEEE-754 half precision, rounding to nearest even, as ggml's ggml_fp32_to_fp16 does.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function toFloat16Bits(value: number): number {
	f32[0] = value;
	const x = u32[0] ?? 0;
	const sign = (x >>> 16) & 0x8000;
	const exp = (x >>> 23) & 0xff;
	let mant = x & 0x7fffff;
	if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf or NaN
	const e = exp - 127 + 15;
	if (e >= 0x1f) return sign | 0x7c00; // overflow to infinity
	if (e <= 0) {
		if (e < -10) return sign; // underflow to signed zero
		mant |= 0x800000; // make the implicit bit explicit, then shift into a subnormal
		const shift = 14 - e;
		const half = 1 << (shift - 1);
		const rest = mant & ((1 << shift) - 1);
		let h = mant >>> shift;
		if (rest > half || (rest === half && (h & 1))) h++;
		return sign | h;
	}
	let h = (e << 10) | (mant >>> 13);
	const rest = mant & 0x1fff;
	// A carry out of the mantissa bumps the exponent, which is the correct rounding (up to infinity).
	if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
	return sign | h;
}

export function fromFloat16Bits(h: number): number {
	const sign = h & 0x8000 ? -1 : 1;
	const exp = (h >>> 10) & 0x1f;
	const mant = h & 0x3ff;
	if (exp === 0) return sign * mant * 2 ** -24;
	if (exp === 0x1f) return mant ? NaN : sign * Infinity;
	return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
