// Serialises metadata and tensors into a GGUF v3 file. Pure TypeScript: runs in Node and browsers.
import {
	GGML_TYPE,
	GGUF_DEFAULT_ALIGNMENT,
	GGUF_MAGIC,
	GGUF_VALUE,
	GGUF_VERSION,
	type GgufFile,
	type GgufValue
} from './ggufTypes';
import { toFloat16Bits } from './float16';
import { GgufError } from './errors';

const utf8 = new TextEncoder();

function valueSize(v: GgufValue): number {
	switch (v.type) {
		case 'string':
			return 8 + utf8.encode(v.value).length;
		case 'uint32':
		case 'int32':
		case 'float32':
			return 4;
		case 'uint64':
			return 8;
		case 'bool':
			return 1;
		case 'string[]':
			return 12 + v.value.reduce((n, s) => n + 8 + utf8.encode(s).length, 0);
		case 'int32[]':
		case 'float32[]':
			return 12 + 4 * v.value.length;
	}
}

function align(n: number, a: number): number {
	return Math.ceil(n / a) * a;
}

class Cursor {
	private readonly view: DataView;
	private readonly bytes: Uint8Array;
	pos = 0;
	constructor(buffer: ArrayBuffer) {
		this.view = new DataView(buffer);
		this.bytes = new Uint8Array(buffer);
	}
	u8(v: number) {
		this.view.setUint8(this.pos, v);
		this.pos += 1;
	}
	u32(v: number) {
		this.view.setUint32(this.pos, v, true);
		this.pos += 4;
	}
	i32(v: number) {
		this.view.setInt32(this.pos, v, true);
		this.pos += 4;
	}
	f32(v: number) {
		this.view.setFloat32(this.pos, v, true);
		this.pos += 4;
	}
	u64(v: number) {
		this.view.setBigUint64(this.pos, BigInt(v), true);
		this.pos += 8;
	}
	str(s: string) {
		const b = utf8.encode(s);
		this.u64(b.length);
		this.bytes.set(b, this.pos);
		this.pos += b.length;
	}
	value(v: GgufValue) {
		switch (v.type) {
			case 'string':
				return this.str(v.value);
			case 'uint32':
				return this.u32(v.value);
			case 'int32':
				return this.i32(v.value);
			case 'float32':
				return this.f32(v.value);
			case 'uint64':
				return this.u64(v.value);
			case 'bool':
				return this.u8(v.value ? 1 : 0);
			case 'string[]':
				this.u32(GGUF_VALUE.string);
				this.u64(v.value.length);
				return v.value.forEach((s) => this.str(s));
			case 'int32[]':
				this.u32(GGUF_VALUE.int32);
				this.u64(v.value.length);
				return v.value.forEach((x) => this.i32(x));
			case 'float32[]':
				this.u32(GGUF_VALUE.float32);
				this.u64(v.value.length);
				return v.value.forEach((x) => this.f32(x));
		}
	}
}

const WIRE_TYPE: Record<GgufValue['type'], number> = {
	string: GGUF_VALUE.string,
	uint32: GGUF_VALUE.uint32,
	int32: GGUF_VALUE.int32,
	uint64: GGUF_VALUE.uint64,
	float32: GGUF_VALUE.float32,
	bool: GGUF_VALUE.bool,
	'string[]': GGUF_VALUE.array,
	'int32[]': GGUF_VALUE.array,
	'float32[]': GGUF_VALUE.array
};

/** Writes a GGUF v3 file. Tensor data is placed in order, each at an aligned offset. */
export function writeGguf(file: GgufFile): Uint8Array {
	const alignment = file.alignment ?? GGUF_DEFAULT_ALIGNMENT;
	const metadata = new Map(file.metadata);
	if (alignment !== GGUF_DEFAULT_ALIGNMENT) metadata.set('general.alignment', { type: 'uint32', value: alignment });

	const names = new Set<string>();
	const offsets: number[] = [];
	let dataSize = 0;
	for (const t of file.tensors) {
		if (names.has(t.name)) throw new GgufError('duplicate-tensor', `Tensor "${t.name}" appears twice.`);
		names.add(t.name);
		const count = t.shape.reduce((a, b) => a * b, 1);
		if (t.shape.length < 1 || t.shape.length > 4 || t.shape.some((d) => !Number.isInteger(d) || d < 1)) {
			throw new GgufError('bad-shape', `Tensor "${t.name}" has shape [${t.shape.join(', ')}]; use 1 to 4 positive integer dimensions.`);
		}
		if (count !== t.data.length) {
			throw new GgufError(
				'bad-shape',
				`Tensor "${t.name}" has shape [${t.shape.join(', ')}] (${count} values) but ${t.data.length} values of data.`
			);
		}
		dataSize = align(dataSize, alignment);
		offsets.push(dataSize);
		dataSize += count * (t.type === 'f16' ? 2 : 4);
	}

	let header = 4 + 4 + 8 + 8;
	for (const [key, v] of metadata) header += 8 + utf8.encode(key).length + 4 + valueSize(v);
	for (const t of file.tensors) header += 8 + utf8.encode(t.name).length + 4 + 8 * t.shape.length + 4 + 8;
	const dataStart = align(header, alignment);
	const buffer = new ArrayBuffer(dataStart + align(dataSize, alignment));
	const c = new Cursor(buffer);

	c.u32(GGUF_MAGIC);
	c.u32(GGUF_VERSION);
	c.u64(file.tensors.length);
	c.u64(metadata.size);
	for (const [key, v] of metadata) {
		c.str(key);
		c.u32(WIRE_TYPE[v.type]);
		c.value(v);
	}
	file.tensors.forEach((t, i) => {
		c.str(t.name);
		c.u32(t.shape.length);
		t.shape.forEach((d) => c.u64(d));
		c.u32(GGML_TYPE[t.type]);
		c.u64(offsets[i] ?? 0);
	});

	const view = new DataView(buffer);
	file.tensors.forEach((t, i) => {
		const at = dataStart + (offsets[i] ?? 0);
		if (t.type === 'f32') {
			new Uint8Array(buffer, at, t.data.length * 4).set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.length * 4));
		} else {
			for (let j = 0; j < t.data.length; j++) view.setUint16(at + 2 * j, toFloat16Bits(t.data[j] ?? 0), true);
		}
	});
	return new Uint8Array(buffer);
}
