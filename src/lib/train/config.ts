// The shape of the built-in tiny models and where each tensor lives in one flat parameter array.
// The layout mirrors llama.cpp's: every matrix is stored row-major as [out][in], which is what a
// GGUF tensor with ne0 = in, ne1 = out holds, so tensors are written without any permutation.

export interface ModelConfig {
	vocab: number;
	dim: number;
	layers: number;
	heads: number;
	ffn: number;
	context: number;
	ropeBase: number;
	eps: number;
}

export interface LayerOffsets {
	attnNorm: number;
	wq: number;
	wk: number;
	wv: number;
	wo: number;
	ffnNorm: number;
	gate: number;
	up: number;
	down: number;
}

export interface Layout {
	size: number;
	embed: number;
	outNorm: number;
	output: number;
	layers: LayerOffsets[];
}

export function layoutOf(c: ModelConfig): Layout {
	let at = 0;
	const take = (n: number): number => {
		const start = at;
		at += n;
		return start;
	};
	const embed = take(c.vocab * c.dim);
	const layers: LayerOffsets[] = [];
	for (let l = 0; l < c.layers; l++) {
		layers.push({
			attnNorm: take(c.dim),
			wq: take(c.dim * c.dim),
			wk: take(c.dim * c.dim),
			wv: take(c.dim * c.dim),
			wo: take(c.dim * c.dim),
			ffnNorm: take(c.dim),
			gate: take(c.ffn * c.dim),
			up: take(c.ffn * c.dim),
			down: take(c.dim * c.ffn)
		});
	}
	const outNorm = take(c.dim);
	const output = take(c.vocab * c.dim);
	return { size: at, embed, outNorm, output, layers };
}

/** Every tensor with its GGUF name, its ggml shape (ne0 first) and its offset in the flat array. */
export function tensorsOf(c: ModelConfig): { name: string; shape: number[]; offset: number }[] {
	const lay = layoutOf(c);
	const out = [{ name: 'token_embd.weight', shape: [c.dim, c.vocab], offset: lay.embed }];
	lay.layers.forEach((o, l) => {
		const p = `blk.${l}.`;
		out.push(
			{ name: p + 'attn_norm.weight', shape: [c.dim], offset: o.attnNorm },
			{ name: p + 'attn_q.weight', shape: [c.dim, c.dim], offset: o.wq },
			{ name: p + 'attn_k.weight', shape: [c.dim, c.dim], offset: o.wk },
			{ name: p + 'attn_v.weight', shape: [c.dim, c.dim], offset: o.wv },
			{ name: p + 'attn_output.weight', shape: [c.dim, c.dim], offset: o.wo },
			{ name: p + 'ffn_norm.weight', shape: [c.dim], offset: o.ffnNorm },
			{ name: p + 'ffn_gate.weight', shape: [c.dim, c.ffn], offset: o.gate },
			{ name: p + 'ffn_up.weight', shape: [c.dim, c.ffn], offset: o.up },
			{ name: p + 'ffn_down.weight', shape: [c.ffn, c.dim], offset: o.down }
		);
	});
	out.push(
		{ name: 'output_norm.weight', shape: [c.dim], offset: lay.outNorm },
		{ name: 'output.weight', shape: [c.dim, c.vocab], offset: lay.output }
	);
	return out;
}
