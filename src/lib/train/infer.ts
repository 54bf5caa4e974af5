// The trainer's own forward pass for generation: one token at a time with a key/value cache.
// A pure function of the weights, used for self-improvement sampling and for the parity test.
import { layoutOf, type ModelConfig } from './config';
import { linear, rmsNorm, ropeRow, ropeTables, silu, type Vec } from './kernels';

export interface Decoder {
	/** Feeds one token at the next position; returns the logits for the token after it. */
	step(token: number): Vec;
	/** An independent decoder that continues from this one's position (shares nothing). */
	fork(): Decoder;
	readonly position: number;
}

interface Caches {
	k: Float64Array[];
	v: Float64Array[];
	pos: number;
}

const ropeCache = new Map<string, { cos: Vec; sin: Vec }>();

/** The rotary tables of a model shape, computed once (every sampled problem starts a decoder). */
function ropeOf(c: ModelConfig, hd: number): { cos: Vec; sin: Vec } {
	const key = `${c.context}|${hd}|${c.ropeBase}`;
	let t = ropeCache.get(key);
	if (!t) ropeCache.set(key, (t = ropeTables(c.context, hd, c.ropeBase)));
	return t;
}

export function createDecoder(c: ModelConfig, w: Vec, from?: Caches): Decoder {
	const d = c.dim, F = c.ffn, V = c.vocab, H = c.heads, hd = d / H;
	const lay = layoutOf(c);
	const { cos, sin } = ropeOf(c, hd);
	const kCache = from ? from.k.map((a) => a.slice()) : lay.layers.map(() => new Float64Array(c.context * d));
	const vCache = from ? from.v.map((a) => a.slice()) : lay.layers.map(() => new Float64Array(c.context * d));
	const x = new Float64Array(d), a = new Float64Array(d), q = new Float64Array(d), o = new Float64Array(d);
	const tmp = new Float64Array(d), g = new Float64Array(F), u = new Float64Array(F);
	const inv = new Float64Array(1), scores = new Float64Array(c.context), logits = new Float64Array(V);
	const scale = 1 / Math.sqrt(hd);
	let pos = from ? from.pos : 0;
	return {
		get position() {
			return pos;
		},
		fork: () => createDecoder(c, w, { k: kCache, v: vCache, pos }),
		step(token: number): Vec {
			if (pos >= c.context) throw new Error(`context of ${c.context} tokens is full`);
			if (!(token >= 0 && token < V)) throw new Error(`token id ${token} is outside the vocabulary of ${V}`);
			for (let i = 0; i < d; i++) x[i] = w[lay.embed + token * d + i]!;
			lay.layers.forEach((L, l) => {
				const K = kCache[l]!, Vc = vCache[l]!;
				rmsNorm(x, 1, d, w, L.attnNorm, c.eps, a, inv);
				linear(a, 0, 1, d, w, L.wq, d, q);
				linear(a, 0, 1, d, w, L.wk, d, tmp);
				ropeRow(q, 0, d, hd, pos, cos, sin, 1);
				ropeRow(tmp, 0, d, hd, pos, cos, sin, 1);
				K.set(tmp, pos * d);
				linear(a, 0, 1, d, w, L.wv, d, tmp);
				Vc.set(tmp, pos * d);
				o.fill(0);
				for (let h = 0; h < H; h++) {
					const ho = h * hd;
					let max = -Infinity;
					for (let s = 0; s <= pos; s++) {
						let dot = 0;
						for (let i = 0; i < hd; i++) dot += q[ho + i]! * K[s * d + ho + i]!;
						dot *= scale;
						scores[s] = dot;
						if (dot > max) max = dot;
					}
					let sum = 0;
					for (let s = 0; s <= pos; s++) {
						const e = Math.exp(scores[s]! - max);
						scores[s] = e;
						sum += e;
					}
					for (let s = 0; s <= pos; s++) {
						const pr = scores[s]! / sum;
						for (let i = 0; i < hd; i++) o[ho + i] = o[ho + i]! + pr * Vc[s * d + ho + i]!;
					}
				}
				linear(o, 0, 1, d, w, L.wo, d, tmp);
				for (let i = 0; i < d; i++) x[i] = x[i]! + tmp[i]!;
				rmsNorm(x, 1, d, w, L.ffnNorm, c.eps, a, inv);
				linear(a, 0, 1, d, w, L.gate, F, g);
				linear(a, 0, 1, d, w, L.up, F, u);
				for (let i = 0; i < F; i++) g[i] = silu(g[i]!) * u[i]!;
				linear(g, 0, 1, F, w, L.down, d, tmp);
				for (let i = 0; i < d; i++) x[i] = x[i]! + tmp[i]!;
			});
			rmsNorm(x, 1, d, w, lay.outNorm, c.eps, a, inv);
			linear(a, 0, 1, d, w, lay.output, V, logits);
			pos++;
			return logits;
		}
	};
}

export function logSoftmax(logits: Vec): Float64Array {
	let max = -Infinity;
	for (let j = 0; j < logits.length; j++) if (logits[j]! > max) max = logits[j]!;
	let sum = 0;
	for (let j = 0; j < logits.length; j++) sum += Math.exp(logits[j]! - max);
	const lz = max + Math.log(sum);
	const out = new Float64Array(logits.length);
	for (let j = 0; j < logits.length; j++) out[j] = logits[j]! - lz;
	return out;
}

export function argmax(v: Vec): number {
	let best = 0;
	for (let j = 1; j < v.length; j++) if (v[j]! > v[best]!) best = j;
	return best;
}

export interface GenerateOptions {
	maxTokens: number;
	/** 0 = greedy. */
	temperature: number;
	stop: number;
	random?: () => number;
}

/** Generates after the prompt tokens; returns the new token ids without the stop token. */
export function generate(c: ModelConfig, w: Vec, prompt: number[], opts: GenerateOptions): number[] {
	const dec = createDecoder(c, w);
	let logits: Vec = new Float64Array(0);
	for (const t of prompt) logits = dec.step(t);
	return continueFrom(c, dec, logits.slice(), opts);
}

/** Generates from a decoder already fed with the prompt, whose last logits are given. */
export function continueFrom(c: ModelConfig, dec: Decoder, first: Vec, opts: GenerateOptions): number[] {
	let logits = first;
	const out: number[] = [];
	while (out.length < opts.maxTokens && dec.position < c.context) {
		const next = opts.temperature <= 0 ? argmax(logits) : sampleFrom(logits, opts.temperature, opts.random ?? Math.random);
		if (next === opts.stop) break;
		out.push(next);
		if (dec.position >= c.context) break;
		logits = dec.step(next);
	}
	return out;
}

function sampleFrom(logits: Vec, temperature: number, random: () => number): number {
	let max = -Infinity;
	for (let j = 0; j < logits.length; j++) if (logits[j]! > max) max = logits[j]!;
	const p = new Float64Array(logits.length);
	let sum = 0;
	for (let j = 0; j < logits.length; j++) {
		p[j] = Math.exp((logits[j]! - max) / temperature);
		sum += p[j]!;
	}
	let r = random() * sum;
	for (let j = 0; j < p.length; j++) {
		r -= p[j]!;
		if (r <= 0) return j;
	}
	return p.length - 1;
}
