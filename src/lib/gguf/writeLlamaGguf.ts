// A llama-architecture GGUF with a character vocabulary, with every key llama.cpp needs.
import { writeGguf } from './writeGguf';
import { GgufError } from './errors';
import type { GgufTensor, GgufValue, TensorType } from './ggufTypes';
import type { CharVocab } from './charVocab';

export interface LlamaConfig {
	/** Embedding width (llama.embedding_length). */
	dim: number;
	layers: number;
	heads: number;
	/** Key/value heads (grouped-query attention); equals `heads` for plain multi-head attention. */
	kvHeads: number;
	/** Hidden width of the SwiGLU feed-forward block. */
	ff: number;
	/** Context length the model was trained for. */
	ctx: number;
	ropeTheta: number;
	/** RMSNorm epsilon. */
	eps: number;
}

export interface WriteLlamaOptions {
	config: LlamaConfig;
	vocab: Pick<CharVocab, 'tokens' | 'tokenTypes' | 'eosId' | 'bosId'>;
	/** Tensors by GGUF name (see llamaTensorShapes), data row-major with ne0 fastest. */
	tensors: ReadonlyMap<string, Float32Array>;
	/** Storage type of 2-D weight matrices; norms always stay F32. Default 'f32'. */
	type?: TensorType;
	name?: string;
	/** Extra metadata (e.g. 'general.description', 'tokenizer.chat_template'). */
	extra?: ReadonlyMap<string, GgufValue>;
}

/**
 * Every tensor of a llama model and its shape in ggml order (ne0 first). A PyTorch-style
 * Linear weight [out, in] is the ggml tensor [in, out] with the same bytes. `output.weight` is
 * optional: without it llama.cpp ties the output to `token_embd.weight`.
 */
export function llamaTensorShapes(config: LlamaConfig, vocabSize: number): Map<string, number[]> {
	const { dim, layers, heads, kvHeads, ff } = config;
	const kvDim = (dim / heads) * kvHeads;
	const shapes = new Map<string, number[]>([
		['token_embd.weight', [dim, vocabSize]],
		['output_norm.weight', [dim]],
		['output.weight', [dim, vocabSize]]
	]);
	for (let l = 0; l < layers; l++) {
		shapes.set(`blk.${l}.attn_norm.weight`, [dim]);
		shapes.set(`blk.${l}.attn_q.weight`, [dim, dim]);
		shapes.set(`blk.${l}.attn_k.weight`, [dim, kvDim]);
		shapes.set(`blk.${l}.attn_v.weight`, [dim, kvDim]);
		shapes.set(`blk.${l}.attn_output.weight`, [dim, dim]);
		shapes.set(`blk.${l}.ffn_norm.weight`, [dim]);
		shapes.set(`blk.${l}.ffn_gate.weight`, [dim, ff]);
		shapes.set(`blk.${l}.ffn_up.weight`, [dim, ff]);
		shapes.set(`blk.${l}.ffn_down.weight`, [ff, dim]);
	}
	return shapes;
}

function checkConfig(config: LlamaConfig): void {
	const ints: Array<keyof LlamaConfig> = ['dim', 'layers', 'heads', 'kvHeads', 'ff', 'ctx'];
	for (const k of ints) {
		const v = config[k];
		if (!Number.isInteger(v) || v < 1) throw new GgufError('bad-config', `config.${k} should be a positive integer (got ${v}).`);
	}
	if (config.dim % config.heads !== 0) {
		throw new GgufError('bad-config', `config.dim (${config.dim}) should be a multiple of config.heads (${config.heads}).`);
	}
	if (config.heads % config.kvHeads !== 0) {
		throw new GgufError('bad-config', `config.heads (${config.heads}) should be a multiple of config.kvHeads (${config.kvHeads}).`);
	}
	if ((config.dim / config.heads) % 2 !== 0) {
		throw new GgufError('bad-config', `The head size config.dim / config.heads should be even for RoPE (got ${config.dim / config.heads}).`);
	}
	if (!(config.ropeTheta > 0)) throw new GgufError('bad-config', `config.ropeTheta should be positive (got ${config.ropeTheta}).`);
	if (!(config.eps > 0)) throw new GgufError('bad-config', `config.eps should be positive (got ${config.eps}).`);
}

export function writeLlamaGguf(options: WriteLlamaOptions): Uint8Array {
	const { config, vocab, tensors, type = 'f32', name = 'reversal-lab tiny llama', extra } = options;
	checkConfig(config);
	if (vocab.tokens.length !== vocab.tokenTypes.length) {
		throw new GgufError('bad-config', `vocab.tokens (${vocab.tokens.length}) and vocab.tokenTypes (${vocab.tokenTypes.length}) differ in length.`);
	}
	const shapes = llamaTensorShapes(config, vocab.tokens.length);
	for (const key of tensors.keys()) {
		if (!shapes.has(key)) throw new GgufError('bad-config', `Unknown tensor "${key}" for a ${config.layers}-layer llama model.`);
	}
	const out: GgufTensor[] = [];
	for (const [tensorName, shape] of shapes) {
		const data = tensors.get(tensorName);
		if (!data) {
			if (tensorName === 'output.weight') continue;
			throw new GgufError('missing-tensor', `Tensor "${tensorName}" [${shape.join(', ')}] is missing.`);
		}
		out.push({ name: tensorName, shape, type: shape.length === 1 ? 'f32' : type, data });
	}
	const u32 = (value: number): GgufValue => ({ type: 'uint32', value });
	const metadata = new Map<string, GgufValue>([
		['general.architecture', { type: 'string', value: 'llama' }],
		['general.name', { type: 'string', value: name }],
		// llama_ftype: 0 = all F32, 1 = mostly F16
		['general.file_type', u32(type === 'f16' ? 1 : 0)],
		['llama.context_length', u32(config.ctx)],
		['llama.embedding_length', u32(config.dim)],
		['llama.block_count', u32(config.layers)],
		['llama.feed_forward_length', u32(config.ff)],
		['llama.attention.head_count', u32(config.heads)],
		['llama.attention.head_count_kv', u32(config.kvHeads)],
		['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: config.eps }],
		['llama.rope.freq_base', { type: 'float32', value: config.ropeTheta }],
		['llama.rope.dimension_count', u32(config.dim / config.heads)],
		['llama.vocab_size', u32(vocab.tokens.length)],
		['tokenizer.ggml.model', { type: 'string', value: 'gpt2' }],
		['tokenizer.ggml.pre', { type: 'string', value: 'default' }],
		['tokenizer.ggml.tokens', { type: 'string[]', value: vocab.tokens }],
		['tokenizer.ggml.token_type', { type: 'int32[]', value: vocab.tokenTypes }],
		['tokenizer.ggml.merges', { type: 'string[]', value: [] }],
		['tokenizer.ggml.bos_token_id', u32(vocab.bosId)],
		['tokenizer.ggml.eos_token_id', u32(vocab.eosId)],
		['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
		['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }]
	]);
	for (const [k, v] of extra ?? []) metadata.set(k, v);
	return writeGguf({ metadata, tensors: out });
}
