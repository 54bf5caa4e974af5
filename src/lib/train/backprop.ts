// One sequence through the model and back: the training pass. Hand-written reverse mode for
// exactly this architecture (checked against finite differences in tests/unit/train).
import { layoutOf, type ModelConfig } from './config';
import { linear, linearBack, mmNT, rmsNorm, rmsNormBack, ropeRow, ropeTables, silu, transpose, type Vec } from './kernels';
import type { SequenceTrace } from './sequenceTrace';

/** Columns [off, off + width) of a [rows][stride] matrix, as a contiguous [rows][width] copy. */
function headOf(x: Vec, rows: number, stride: number, off: number, width: number): Vec {
	const out = new Float64Array(rows * width);
	for (let t = 0; t < rows; t++) for (let i = 0; i < width; i++) out[t * width + i] = x[t * stride + off + i]!;
	return out;
}

function scatterHead(src: Vec, dst: Vec, rows: number, stride: number, off: number, width: number): void {
	for (let t = 0; t < rows; t++) for (let i = 0; i < width; i++) dst[t * stride + off + i] = src[t * width + i]!;
}

interface LayerActs {
	hIn: Vec; a: Vec; inv1: Vec; q: Vec; k: Vec; v: Vec; p: Vec; o: Vec;
	hMid: Vec; b: Vec; inv2: Vec; g: Vec; u: Vec; s: Vec;
}

const ropeCache = new Map<string, { cos: Vec; sin: Vec }>();
function ropeFor(c: ModelConfig): { cos: Vec; sin: Vec } {
	const key = `${c.context}/${c.dim / c.heads}/${c.ropeBase}`;
	let r = ropeCache.get(key);
	if (!r) {
		r = ropeTables(c.context, c.dim / c.heads, c.ropeBase);
		ropeCache.set(key, r);
	}
	return r;
}

/**
 * Adds d(loss)/d(params) * weight into grads for the sequence `tokens`, where the loss is the sum
 * over positions t with target[t] >= 0 of -log p(target[t] | tokens[0..t]). Returns that loss and
 * the number of such positions. Given a trace, the norms' and embeddings' terms go there row by
 * row instead of into grads (sequenceTrace.ts adds them later, in this function's order).
 */
export function trainSequence(
	c: ModelConfig, w: Vec, grads: Vec, tokens: ArrayLike<number>, target: ArrayLike<number>, weight: number,
	trace: SequenceTrace | null = null
): { loss: number; count: number } {
	const T = tokens.length;
	const d = c.dim, F = c.ffn, V = c.vocab, H = c.heads, hd = d / H;
	const lay = layoutOf(c);
	const { cos, sin } = ropeFor(c);
	const scale = 1 / Math.sqrt(hd);
	let h = new Float64Array(T * d);
	for (let t = 0; t < T; t++) {
		const e = lay.embed + tokens[t]! * d;
		for (let i = 0; i < d; i++) h[t * d + i] = w[e + i]!;
	}
	const acts: LayerActs[] = [];
	for (const L of lay.layers) {
		const A: LayerActs = {
			hIn: h, a: new Float64Array(T * d), inv1: new Float64Array(T), q: new Float64Array(T * d),
			k: new Float64Array(T * d), v: new Float64Array(T * d), p: new Float64Array(H * T * T),
			o: new Float64Array(T * d), hMid: new Float64Array(T * d), b: new Float64Array(T * d),
			inv2: new Float64Array(T), g: new Float64Array(T * F), u: new Float64Array(T * F), s: new Float64Array(T * F)
		};
		rmsNorm(h, T, d, w, L.attnNorm, c.eps, A.a, A.inv1);
		linear(A.a, 0, T, d, w, L.wq, d, A.q);
		linear(A.a, 0, T, d, w, L.wk, d, A.k);
		linear(A.a, 0, T, d, w, L.wv, d, A.v);
		for (let t = 0; t < T; t++) {
			ropeRow(A.q, t * d, d, hd, t, cos, sin, 1);
			ropeRow(A.k, t * d, d, hd, t, cos, sin, 1);
		}
		const vT = transpose(A.v, 0, T, d);
		for (let hh = 0; hh < H; hh++) {
			const qh = headOf(A.q, T, d, hh * hd, hd), kh = headOf(A.k, T, d, hh * hd, hd);
			const pOff = hh * T * T;
			mmNT(qh, 0, T, hd, kh, 0, T, A.p, pOff, false, 'cols');
			for (let t = 0; t < T; t++) {
				const prow = pOff + t * T;
				let max = -Infinity;
				for (let s = 0; s <= t; s++) {
					const v = A.p[prow + s]! * scale;
					A.p[prow + s] = v;
					if (v > max) max = v;
				}
				let sum = 0;
				for (let s = 0; s <= t; s++) {
					const e = Math.exp(A.p[prow + s]! - max);
					A.p[prow + s] = e;
					sum += e;
				}
				for (let s = 0; s <= t; s++) A.p[prow + s] = A.p[prow + s]! / sum;
				for (let s = t + 1; s < T; s++) A.p[prow + s] = 0;
			}
			const oh = new Float64Array(T * hd);
			mmNT(A.p, pOff, T, T, vT, hh * hd * T, hd, oh, 0, false, 'kTo');
			for (let t = 0; t < T; t++) for (let i = 0; i < hd; i++) A.o[t * d + hh * hd + i] = oh[t * hd + i]!;
		}
		linear(A.o, 0, T, d, w, L.wo, d, A.hMid);
		for (let i = 0; i < T * d; i++) A.hMid[i] = A.hMid[i]! + h[i]!;
		rmsNorm(A.hMid, T, d, w, L.ffnNorm, c.eps, A.b, A.inv2);
		linear(A.b, 0, T, d, w, L.gate, F, A.g);
		linear(A.b, 0, T, d, w, L.up, F, A.u);
		for (let i = 0; i < T * F; i++) A.s[i] = silu(A.g[i]!) * A.u[i]!;
		const hOut = new Float64Array(T * d);
		linear(A.s, 0, T, F, w, L.down, d, hOut);
		for (let i = 0; i < T * d; i++) hOut[i] = hOut[i]! + A.hMid[i]!;
		acts.push(A);
		h = hOut;
	}
	const z = new Float64Array(T * d);
	const invF = new Float64Array(T);
	rmsNorm(h, T, d, w, lay.outNorm, c.eps, z, invF);
	const logits = new Float64Array(T * V);
	linear(z, 0, T, d, w, lay.output, V, logits);
	// Softmax cross-entropy; logits becomes d(loss)/d(logits) * weight.
	let loss = 0;
	let count = 0;
	for (let t = 0; t < T; t++) {
		const o = t * V;
		const y = target[t]!;
		if (y < 0) {
			for (let j = 0; j < V; j++) logits[o + j] = 0;
			continue;
		}
		let max = -Infinity;
		for (let j = 0; j < V; j++) if (logits[o + j]! > max) max = logits[o + j]!;
		let sum = 0;
		for (let j = 0; j < V; j++) sum += Math.exp(logits[o + j]! - max);
		const logZ = max + Math.log(sum);
		loss += logZ - logits[o + y]!;
		count++;
		for (let j = 0; j < V; j++) logits[o + j] = Math.exp(logits[o + j]! - logZ) * weight;
		logits[o + y] = logits[o + y]! - weight;
	}
	const dz = new Float64Array(T * d);
	linearBack(z, 0, T, d, w, lay.output, V, logits, dz, grads);
	const dh = new Float64Array(T * d);
	rmsNormBack(h, T, d, w, lay.outNorm, invF, dz, dh, grads, trace?.norms[2 * c.layers] ?? null);
	for (let l = c.layers - 1; l >= 0; l--) {
		const L = lay.layers[l]!;
		const A = acts[l]!;
		// Feed-forward block: hOut = hMid + down(silu(gate b) * up b).
		const ds = new Float64Array(T * F);
		linearBack(A.s, 0, T, F, w, L.down, d, dh, ds, grads);
		const dg = new Float64Array(T * F);
		const du = new Float64Array(T * F);
		for (let i = 0; i < T * F; i++) {
			const g = A.g[i]!;
			const sg = 1 / (1 + Math.exp(-g));
			du[i] = ds[i]! * g * sg;
			dg[i] = ds[i]! * A.u[i]! * sg * (1 + g * (1 - sg));
		}
		const db = new Float64Array(T * d);
		linearBack(A.b, 0, T, d, w, L.gate, F, dg, db, grads);
		linearBack(A.b, 0, T, d, w, L.up, F, du, db, grads);
		rmsNormBack(A.hMid, T, d, w, L.ffnNorm, A.inv2, db, dh, grads, trace?.norms[2 * l + 1] ?? null);
		// Attention block: hMid = hIn + wo(attn(q, k, v)).
		const dO = new Float64Array(T * d);
		linearBack(A.o, 0, T, d, w, L.wo, d, dh, dO, grads);
		const dq = new Float64Array(T * d);
		const dk = new Float64Array(T * d);
		const dv = new Float64Array(T * d);
		const qT = transpose(A.q, 0, T, d), kT = transpose(A.k, 0, T, d), dOT = transpose(dO, 0, T, d);
		const dP = new Float64Array(T * T);
		const tmp = new Float64Array(T * hd);
		for (let hh = 0; hh < H; hh++) {
			const ho = hh * hd;
			const pOff = hh * T * T;
			const doh = headOf(dO, T, d, ho, hd), vh = headOf(A.v, T, d, ho, hd);
			// dP = dO V^T; dS = P (dP - rowsum(dP P)) * scale, written over dP.
			mmNT(doh, 0, T, hd, vh, 0, T, dP, 0, false, 'cols');
			for (let t = 0; t < T; t++) {
				const prow = pOff + t * T;
				let dot = 0;
				for (let s = 0; s <= t; s++) dot += dP[t * T + s]! * A.p[prow + s]!;
				for (let s = 0; s <= t; s++) dP[t * T + s] = A.p[prow + s]! * (dP[t * T + s]! - dot) * scale;
				for (let s = t + 1; s < T; s++) dP[t * T + s] = 0;
			}
			// dV = P^T dO
			mmNT(transpose(A.p, pOff, T, T), 0, T, T, dOT, ho * T, hd, tmp, 0, false, 'kFrom');
			scatterHead(tmp, dv, T, d, ho, hd);
			// dQ = dS K
			mmNT(dP, 0, T, T, kT, ho * T, hd, tmp, 0, false, 'kTo');
			scatterHead(tmp, dq, T, d, ho, hd);
			// dK = dS^T Q
			mmNT(transpose(dP, 0, T, T), 0, T, T, qT, ho * T, hd, tmp, 0, false, 'kFrom');
			scatterHead(tmp, dk, T, d, ho, hd);
		}
		for (let t = 0; t < T; t++) {
			ropeRow(dq, t * d, d, hd, t, cos, sin, -1);
			ropeRow(dk, t * d, d, hd, t, cos, sin, -1);
		}
		const da = new Float64Array(T * d);
		linearBack(A.a, 0, T, d, w, L.wq, d, dq, da, grads);
		linearBack(A.a, 0, T, d, w, L.wk, d, dk, da, grads);
		linearBack(A.a, 0, T, d, w, L.wv, d, dv, da, grads);
		rmsNormBack(A.hIn, T, d, w, L.attnNorm, A.inv1, da, dh, grads, trace?.norms[2 * l] ?? null);
	}
	if (trace) trace.embed.set(dh);
	else {
		for (let t = 0; t < T; t++) {
			const e = lay.embed + tokens[t]! * d;
			for (let i = 0; i < d; i++) grads[e + i] = grads[e + i]! + dh[t * d + i]!;
		}
	}
	return { loss, count };
}
