import { describe, expect, it } from 'vitest';
import {
	charVocab,
	checkGgufBounds,
	fromFloat16Bits,
	isGgufError,
	llamaTensorShapes,
	randomLlamaModel,
	readGgufHeader,
	readGgufTensor,
	toFloat16Bits,
	TINY_CONFIG,
	writeGguf,
	writeLlamaGguf
} from '../../../src/lib/gguf';

describe('charVocab', () => {
	it('charVocab() spells space and newline the gpt2 way and ends with a control EOS', () => {
		const v = charVocab();
		expect(v.size).toBe(97);
		expect(v.tokens[v.idOf(' ') ?? -1]).toBe('Ġ');
		expect(v.tokens[v.idOf('\n') ?? -1]).toBe('Ċ');
		expect(v.tokens[v.eosId]).toBe('<|endoftext|>');
		expect(v.tokenTypes[v.eosId]).toBe(3);
		expect(v.tokenTypes.filter((t) => t === 1)).toHaveLength(96);
		expect(new Set(v.tokens).size).toBe(v.size);
	});
	it('encode(text) drops unknown characters and decode(encode(text)) round-trips ASCII', () => {
		const v = charVocab();
		const text = 'Q: 12 + 30 = ?\nA: #### 42';
		expect(v.decode(v.encode(text))).toBe(text);
		expect(v.decode(v.encode('é1\t2'))).toBe('12');
		expect(v.decode([v.eosId])).toBe('');
	});
});

describe('float16', () => {
	it('toFloat16Bits(x) matches known half-precision encodings', () => {
		expect(toFloat16Bits(1)).toBe(0x3c00);
		expect(toFloat16Bits(-2)).toBe(0xc000);
		expect(toFloat16Bits(65504)).toBe(0x7bff);
		expect(toFloat16Bits(1e6)).toBe(0x7c00);
		expect(toFloat16Bits(2 ** -24)).toBe(0x0001);
		expect(toFloat16Bits(0.1)).toBe(0x2e66);
		expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie rounds to even
		expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
		expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
	});
	it('fromFloat16Bits(toFloat16Bits(x)) is within half a unit in the last place', () => {
		for (const x of [0.5, -0.333, 3.14159, 1e-5, 1234.5, -7e-3]) {
			const y = fromFloat16Bits(toFloat16Bits(x));
			expect(Math.abs(y - x)).toBeLessThanOrEqual(Math.max(Math.abs(x) * 2 ** -11, 2 ** -25));
		}
	});
});

describe('writeGguf', () => {
	it('writeGguf(file) round-trips metadata and tensors through readGgufHeader', () => {
		const data = new Float32Array([1, 2, 3, 4, 5, 6]);
		const bytes = writeGguf({
			metadata: new Map([
				['a.string', { type: 'string', value: 'héllo' }],
				['a.u32', { type: 'uint32', value: 7 }],
				['a.f32', { type: 'float32', value: 0.5 }],
				['a.bool', { type: 'bool', value: true }],
				['a.list', { type: 'string[]', value: ['x', 'yz', ''] }],
				['a.ints', { type: 'int32[]', value: [-1, 2] }]
			]),
			tensors: [
				{ name: 't32', shape: [3, 2], type: 'f32', data },
				{ name: 't16', shape: [6], type: 'f16', data }
			]
		});
		expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('GGUF');
		const h = readGgufHeader(bytes);
		expect(h.version).toBe(3);
		expect(h.metadata.get('a.string')?.value).toBe('héllo');
		expect(h.metadata.get('a.u32')).toEqual({ type: 'uint32', value: 7 });
		expect(h.metadata.get('a.bool')?.value).toBe(true);
		expect(h.metadata.get('a.list')?.value).toEqual(['x', 'yz', '']);
		expect(h.metadata.get('a.ints')?.value).toEqual([-1, 2]);
		expect(h.dataStart % 32).toBe(0);
		for (const t of h.tensors) expect((t.offset - h.dataStart) % 32).toBe(0);
		expect(h.tensors.map((t) => [t.name, t.shape, t.ggmlType])).toEqual([
			['t32', [3, 2], 0],
			['t16', [6], 1]
		]);
		expect([...readGgufTensor(bytes, h, 't32')]).toEqual([1, 2, 3, 4, 5, 6]);
		expect([...readGgufTensor(bytes, h, 't16')]).toEqual([1, 2, 3, 4, 5, 6]);
		expect(bytes.byteLength % 32).toBe(0);
	});
	it('writeGguf(file) rejects data that does not fit the shape, naming the tensor', () => {
		expect(() =>
			writeGguf({ metadata: new Map(), tensors: [{ name: 'w', shape: [2, 2], type: 'f32', data: new Float32Array(3) }] })
		).toThrow(/Tensor "w" has shape \[2, 2\] \(4 values\) but 3/);
	});
});

describe('writeLlamaGguf', () => {
	it('writeLlamaGguf(options) writes the keys llama.cpp needs and every tensor in ggml order', () => {
		const bytes = randomLlamaModel({ seed: 3 });
		const h = readGgufHeader(bytes);
		const get = (k: string) => h.metadata.get(k)?.value;
		expect(get('general.architecture')).toBe('llama');
		expect(get('llama.embedding_length')).toBe(64);
		expect(get('llama.block_count')).toBe(2);
		expect(get('llama.feed_forward_length')).toBe(128);
		expect(get('llama.attention.head_count')).toBe(4);
		expect(get('llama.attention.head_count_kv')).toBe(4);
		expect(get('llama.context_length')).toBe(512);
		expect(get('llama.attention.layer_norm_rms_epsilon')).toBeCloseTo(1e-5, 9);
		expect(get('tokenizer.ggml.model')).toBe('gpt2');
		expect(get('tokenizer.ggml.merges')).toEqual([]);
		expect(get('tokenizer.ggml.eos_token_id')).toBe(96);
		expect(get('tokenizer.ggml.add_bos_token')).toBe(false);
		expect((get('tokenizer.ggml.tokens') as string[]).length).toBe(97);
		const shapes = llamaTensorShapes(TINY_CONFIG, 97);
		expect(h.tensors.map((t) => t.name)).toEqual([...shapes.keys()]);
		for (const t of h.tensors) expect(t.shape).toEqual(shapes.get(t.name));
		expect(shapes.get('blk.1.ffn_down.weight')).toEqual([128, 64]);
		expect(() => checkGgufBounds(h, bytes.byteLength)).not.toThrow();
	});
	it('randomLlamaModel({seed}) is the same bytes for the same seed and differs for another', () => {
		const a = randomLlamaModel({ seed: 5 });
		expect(randomLlamaModel({ seed: 5 })).toEqual(a);
		expect(randomLlamaModel({ seed: 6 })).not.toEqual(a);
	});
	it('writeLlamaGguf with type f16 stores matrices as F16 and norms as F32, at about half the size', () => {
		const f32 = randomLlamaModel({ seed: 2 });
		const f16 = randomLlamaModel({ seed: 2, type: 'f16' });
		const h = readGgufHeader(f16);
		expect(h.tensors.find((t) => t.name === 'blk.0.attn_q.weight')?.ggmlType).toBe(1);
		expect(h.tensors.find((t) => t.name === 'blk.0.attn_norm.weight')?.ggmlType).toBe(0);
		expect(h.metadata.get('general.file_type')?.value).toBe(1);
		expect(f16.byteLength).toBeLessThan(f32.byteLength * 0.6);
	});
	it('writeLlamaGguf names the missing tensor and the bad config key', () => {
		const v = charVocab();
		try {
			writeLlamaGguf({ config: TINY_CONFIG, vocab: v, tensors: new Map() });
			expect.unreachable();
		} catch (e) {
			expect(isGgufError(e, 'missing-tensor')).toBe(true);
			expect(String(e)).toMatch(/token_embd\.weight/);
		}
		expect(() => writeLlamaGguf({ config: { ...TINY_CONFIG, heads: 3 }, vocab: v, tensors: new Map() })).toThrow(
			/config\.dim \(64\) should be a multiple of config\.heads \(3\)/
		);
	});
});

describe('readGgufHeader', () => {
	it('readGgufHeader(bytes) says a non-GGUF file is not GGUF, and a cut file is incomplete', () => {
		expect(() => readGgufHeader(new TextEncoder().encode('XXXX and more'))).toThrow(/not a GGUF file: it starts with "XXXX"/);
		const bytes = randomLlamaModel({ seed: 1 });
		expect(() => readGgufHeader(bytes.subarray(0, 200))).toThrow(/incomplete/);
		const cut = bytes.subarray(0, bytes.byteLength - 1000);
		expect(() => checkGgufBounds(readGgufHeader(cut), cut.byteLength)).toThrow(/output\.weight|blk\.1/);
	});
});
