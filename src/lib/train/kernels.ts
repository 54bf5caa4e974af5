// Dense kernels shared by the training pass and the inference pass. Arrays are Float64Array so a
// finite-difference test can check the gradients; the trainer keeps weights float32-representable.

export type Vec = Float64Array;

/**
 * Which part of a causal product to compute. 'cols': only columns c <= r (+1 inside a 2-row block),
 * e.g. scores Q K^T; 'kTo': only terms k <= r, e.g. P V with P lower-triangular; 'kFrom': only
 * terms k >= r, e.g. P^T dO. The skipped entries are zero (or masked) by construction.
 */
export type Triangle = 'full' | 'cols' | 'kTo' | 'kFrom';

/**
 * C[r][c] (+)= sum_k A[r][k] * B[c][k] for r < n, c < m: every dense product of the model in one
 * kernel. Blocked 2 rows x 4 columns so each loaded value is used two or four times (2 x 2 was about
 * 3x a plain loop in V8, 2 x 4 is 1.25x that); every entry still sums its terms in k order, so the
 * blocking never changes a bit.
 */
export function mmNT(
	a: Vec, aOff: number, n: number, k: number, b: Vec, bOff: number, m: number, c: Vec, cOff: number, acc: boolean,
	tri: Triangle = 'full'
): void {
	let r = 0;
	for (; r + 1 < n; r += 2) {
		const a0 = aOff + r * k, a1 = a0 + k, c0 = cOff + r * m, c1 = c0 + m;
		const colEnd = tri === 'cols' ? Math.min(m, r + 2) : m;
		const kStart = tri === 'kFrom' ? r : 0;
		const kEnd = tri === 'kTo' ? Math.min(k, r + 2) : k;
		let col = 0;
		for (; col + 3 < colEnd; col += 4) {
			const b0 = bOff + col * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
			let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
			for (let i = kStart; i < kEnd; i++) {
				const x0 = a[a0 + i]!, x1 = a[a1 + i]!;
				const y0 = b[b0 + i]!, y1 = b[b1 + i]!, y2 = b[b2 + i]!, y3 = b[b3 + i]!;
				s00 += x0 * y0;
				s01 += x0 * y1;
				s02 += x0 * y2;
				s03 += x0 * y3;
				s10 += x1 * y0;
				s11 += x1 * y1;
				s12 += x1 * y2;
				s13 += x1 * y3;
			}
			if (acc) {
				c[c0 + col] = c[c0 + col]! + s00;
				c[c0 + col + 1] = c[c0 + col + 1]! + s01;
				c[c0 + col + 2] = c[c0 + col + 2]! + s02;
				c[c0 + col + 3] = c[c0 + col + 3]! + s03;
				c[c1 + col] = c[c1 + col]! + s10;
				c[c1 + col + 1] = c[c1 + col + 1]! + s11;
				c[c1 + col + 2] = c[c1 + col + 2]! + s12;
				c[c1 + col + 3] = c[c1 + col + 3]! + s13;
			} else {
				c[c0 + col] = s00;
				c[c0 + col + 1] = s01;
				c[c0 + col + 2] = s02;
				c[c0 + col + 3] = s03;
				c[c1 + col] = s10;
				c[c1 + col + 1] = s11;
				c[c1 + col + 2] = s12;
				c[c1 + col + 3] = s13;
			}
		}
		for (; col < colEnd; col++) {
			const b0 = bOff + col * k;
			let s0 = 0, s1 = 0;
			for (let i = kStart; i < kEnd; i++) {
				s0 += a[a0 + i]! * b[b0 + i]!;
				s1 += a[a1 + i]! * b[b0 + i]!;
			}
			c[c0 + col] = (acc ? c[c0 + col]! : 0) + s0;
			c[c1 + col] = (acc ? c[c1 + col]! : 0) + s1;
		}
	}
	for (; r < n; r++) {
		const a0 = aOff + r * k, c0 = cOff + r * m;
		const colEnd = tri === 'cols' ? Math.min(m, r + 1) : m;
		const kStart = tri === 'kFrom' ? r : 0;
		const kEnd = tri === 'kTo' ? Math.min(k, r + 1) : k;
		for (let col = 0; col < colEnd; col++) {
			const b0 = bOff + col * k;
			let s = 0;
			for (let i = kStart; i < kEnd; i++) s += a[a0 + i]! * b[b0 + i]!;
			c[c0 + col] = (acc ? c[c0 + col]! : 0) + s;
		}
	}
}

/** The [cols][rows] transpose of a [rows][cols] block. */
export function transpose(a: Vec, off: number, rows: number, cols: number): Vec {
	const t = new Float64Array(rows * cols);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a[off + r * cols + c]!;
	return t;
}

/** Y[t][o] = sum_i X[t][i] * W[o][i]: the ggml mul_mat with W stored as [out][in]. */
export function linear(x: Vec, xOff: number, rows: number, inDim: number, w: Vec, wOff: number, outDim: number, y: Vec): void {
	mmNT(x, xOff, rows, inDim, w, wOff, outDim, y, 0, false);
}

/** Back through linear: dX += dY W, dW += dY^T X. */
export function linearBack(
	x: Vec, xOff: number, rows: number, inDim: number, w: Vec, wOff: number, outDim: number,
	dy: Vec, dx: Vec | null, dw: Vec
): void {
	if (dx !== null) mmNT(dy, 0, rows, outDim, transpose(w, wOff, outDim, inDim), 0, inDim, dx, 0, true);
	mmNT(transpose(dy, 0, rows, outDim), 0, outDim, rows, transpose(x, xOff, rows, inDim), 0, inDim, dw, wOff, true);
}

/** y = x / sqrt(mean(x^2) + eps) * w, per row; returns nothing, stores 1/rms per row in inv. */
export function rmsNorm(x: Vec, rows: number, dim: number, w: Vec, wOff: number, eps: number, y: Vec, inv: Vec): void {
	for (let t = 0; t < rows; t++) {
		const o = t * dim;
		let ss = 0;
		for (let i = 0; i < dim; i++) ss += x[o + i]! * x[o + i]!;
		const r = 1 / Math.sqrt(ss / dim + eps);
		inv[t] = r;
		for (let i = 0; i < dim; i++) y[o + i] = x[o + i]! * r * w[wOff + i]!;
	}
}

/**
 * Back through rmsNorm. The weight's gradient is added into dw row by row, or, given `dwRows`, each
 * row's term is written there instead (row t at t * dim) for the caller to add in row order.
 */
export function rmsNormBack(x: Vec, rows: number, dim: number, w: Vec, wOff: number, inv: Vec, dy: Vec, dx: Vec, dw: Vec, dwRows: Vec | null = null): void {
	for (let t = 0; t < rows; t++) {
		const o = t * dim;
		const r = inv[t]!;
		let dot = 0;
		for (let i = 0; i < dim; i++) {
			const gw = dy[o + i]! * w[wOff + i]!;
			dot += gw * x[o + i]!;
			const term = dy[o + i]! * x[o + i]! * r;
			if (dwRows === null) dw[wOff + i] = dw[wOff + i]! + term;
			else dwRows[o + i] = term;
		}
		const k = (dot * r * r * r) / dim;
		for (let i = 0; i < dim; i++) dx[o + i] = dx[o + i]! + dy[o + i]! * w[wOff + i]! * r - x[o + i]! * k;
	}
}

/** cos/sin of llama.cpp's "normal" RoPE: pair (2i, 2i+1) turns by pos * base^(-2i/headDim). */
export function ropeTables(context: number, headDim: number, base: number): { cos: Vec; sin: Vec } {
	const half = headDim / 2;
	const cos = new Float64Array(context * half);
	const sin = new Float64Array(context * half);
	for (let p = 0; p < context; p++) {
		for (let i = 0; i < half; i++) {
			const a = p * Math.pow(base, (-2 * i) / headDim);
			cos[p * half + i] = Math.cos(a);
			sin[p * half + i] = Math.sin(a);
		}
	}
	return { cos, sin };
}

/** Rotates one row of `dim` values (all heads) in place at position pos; sign -1 undoes it. */
export function ropeRow(v: Vec, off: number, dim: number, headDim: number, pos: number, cos: Vec, sin: Vec, sign: number): void {
	const half = headDim / 2;
	for (let h = 0; h < dim; h += headDim) {
		for (let i = 0; i < half; i++) {
			const c = cos[pos * half + i]!;
			const s = sign * sin[pos * half + i]!;
			const a = off + h + 2 * i;
			const x0 = v[a]!;
			const x1 = v[a + 1]!;
			v[a] = x0 * c - x1 * s;
			v[a + 1] = x0 * s + x1 * c;
		}
	}
}

export function silu(g: number): number {
	return g / (1 + Math.exp(-g));
}
