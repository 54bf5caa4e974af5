// The trainer's weights to and from the shipped GGUF files, through the project's GGUF writer
// and reader (src/lib/gguf), so the token ids and tensor layout are the ones llama.cpp sees.
import { readGgufHeader, readGgufTensor, writeLlamaGguf, type GgufValue } from '../gguf';
import { tensorsOf, layoutOf, type ModelConfig } from './config';
import { VOCAB } from './data';

export function toGguf(c: ModelConfig, w: Float64Array, name: string, description: string): Uint8Array {
	const tensors = new Map<string, Float32Array>();
	for (const t of tensorsOf(c)) {
		const n = t.shape.reduce((a, b) => a * b, 1);
		tensors.set(t.name, Float32Array.from(w.subarray(t.offset, t.offset + n)));
	}
	const extra = new Map<string, GgufValue>([['general.description', { type: 'string', value: description }]]);
	return writeLlamaGguf({
		config: { dim: c.dim, layers: c.layers, heads: c.heads, kvHeads: c.heads, ff: c.ffn, ctx: c.context, ropeTheta: c.ropeBase, eps: c.eps },
		vocab: VOCAB,
		tensors,
		type: 'f32',
		name,
		extra
	});
}

function num(h: ReturnType<typeof readGgufHeader>, key: string): number {
	const v = h.metadata.get(key);
	if (!v || typeof v.value !== 'number') throw new Error(`GGUF metadata ${key} is missing or not a number`);
	return v.value;
}

/** Reads a model written by toGguf back into the trainer's flat weight array. */
export function fromGguf(bytes: Uint8Array): { config: ModelConfig; weights: Float64Array } {
	const h = readGgufHeader(bytes);
	const tokens = h.metadata.get('tokenizer.ggml.tokens');
	const vocab = Array.isArray(tokens?.value) ? tokens.value.length : 0;
	const config: ModelConfig = {
		vocab,
		dim: num(h, 'llama.embedding_length'),
		layers: num(h, 'llama.block_count'),
		heads: num(h, 'llama.attention.head_count'),
		ffn: num(h, 'llama.feed_forward_length'),
		context: num(h, 'llama.context_length'),
		ropeBase: num(h, 'llama.rope.freq_base'),
		eps: num(h, 'llama.attention.layer_norm_rms_epsilon')
	};
	const weights = new Float64Array(layoutOf(config).size);
	for (const t of tensorsOf(config)) weights.set(readGgufTensor(bytes, h, t.name), t.offset);
	return { config, weights };
}
