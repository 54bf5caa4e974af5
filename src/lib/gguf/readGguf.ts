// Reads a GGUF file's header, metadata and tensor table (and, on request, F32/F16 tensor data).
// Used to check files before handing them to llama.cpp, whose own errors are terse, and in tests.
import { GGML_TYPE, GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_VALUE, type GgufValue, type TensorType } from './ggufTypes';
import { fromFloat16Bits } from './float16';
import { GgufError } from './errors';

export interface GgufTensorInfo {
	name: string;
	shape: number[];
	/** ggml type number; 0 = F32, 1 = F16, others are quantised. */
	ggmlType: number;
	/** Absolute byte offset of the data in the file. */
	offset: number;
}

export interface GgufHeader {
	version: number;
	alignment: number;
	metadata: Map<string, GgufValue | { type: 'other'; value: unknown }>;
	tensors: GgufTensorInfo[];
	dataStart: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function readGgufHeader(bytes: Uint8Array): GgufHeader {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let pos = 0;
	const need = (n: number, what: string) => {
		if (pos + n > bytes.byteLength) {
			throw new GgufError('truncated', `The file ends inside the ${what} (at byte ${pos} of ${bytes.byteLength}); it is incomplete.`);
		}
	};
	const u32 = (what: string) => (need(4, what), (pos += 4), view.getUint32(pos - 4, true));
	const u64 = (what: string) => {
		need(8, what);
		pos += 8;
		const v = view.getBigUint64(pos - 8, true);
		if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError('truncated', `An impossible length ${v} in the ${what}.`);
		return Number(v);
	};
	const str = (what: string) => {
		const n = u64(what);
		need(n, what);
		pos += n;
		return utf8.decode(bytes.subarray(pos - n, pos));
	};
	const scalar = (type: number, what: string): unknown => {
		switch (type) {
			case GGUF_VALUE.uint8:
				return need(1, what), view.getUint8(pos++);
			case GGUF_VALUE.int8:
				return need(1, what), view.getInt8(pos++);
			case GGUF_VALUE.bool:
				return need(1, what), view.getUint8(pos++) !== 0;
			case GGUF_VALUE.uint16:
				return need(2, what), (pos += 2), view.getUint16(pos - 2, true);
			case GGUF_VALUE.int16:
				return need(2, what), (pos += 2), view.getInt16(pos - 2, true);
			case GGUF_VALUE.uint32:
				return u32(what);
			case GGUF_VALUE.int32:
				return need(4, what), (pos += 4), view.getInt32(pos - 4, true);
			case GGUF_VALUE.float32:
				return need(4, what), (pos += 4), view.getFloat32(pos - 4, true);
			case GGUF_VALUE.uint64:
			case GGUF_VALUE.int64:
				return u64(what);
			case GGUF_VALUE.float64:
				return need(8, what), (pos += 8), view.getFloat64(pos - 8, true);
			case GGUF_VALUE.string:
				return str(what);
			default:
				throw new GgufError('not-gguf', `Unknown metadata value type ${type} in ${what}.`);
		}
	};

	if (bytes.byteLength < 4 || view.getUint32(0, true) !== GGUF_MAGIC) {
		const head = utf8.decode(bytes.subarray(0, 4)).replace(/[^\x20-\x7e]/g, '?');
		throw new GgufError('not-gguf', `This is not a GGUF file: it starts with "${head}" instead of "GGUF".`);
	}
	pos = 4;
	const version = u32('header');
	if (version !== 2 && version !== 3) {
		throw new GgufError('unsupported-version', `GGUF version ${version} is not supported (expected 2 or 3).`);
	}
	const tensorCount = u64('header');
	const kvCount = u64('header');
	const metadata: GgufHeader['metadata'] = new Map();
	for (let i = 0; i < kvCount; i++) {
		const key = str(`metadata key ${i}`);
		const type = u32(`metadata "${key}"`);
		if (type === GGUF_VALUE.array) {
			const itemType = u32(`metadata "${key}"`);
			const n = u64(`metadata "${key}"`);
			const items: unknown[] = [];
			for (let j = 0; j < n; j++) items.push(scalar(itemType, `metadata "${key}"`));
			if (itemType === GGUF_VALUE.string) metadata.set(key, { type: 'string[]', value: items as string[] });
			else if (itemType === GGUF_VALUE.int32) metadata.set(key, { type: 'int32[]', value: items as number[] });
			else if (itemType === GGUF_VALUE.float32) metadata.set(key, { type: 'float32[]', value: items as number[] });
			else metadata.set(key, { type: 'other', value: items });
		} else {
			const v = scalar(type, `metadata "${key}"`);
			if (type === GGUF_VALUE.string) metadata.set(key, { type: 'string', value: v as string });
			else if (type === GGUF_VALUE.uint32) metadata.set(key, { type: 'uint32', value: v as number });
			else if (type === GGUF_VALUE.int32) metadata.set(key, { type: 'int32', value: v as number });
			else if (type === GGUF_VALUE.float32) metadata.set(key, { type: 'float32', value: v as number });
			else if (type === GGUF_VALUE.bool) metadata.set(key, { type: 'bool', value: v as boolean });
			else if (type === GGUF_VALUE.uint64) metadata.set(key, { type: 'uint64', value: v as number });
			else metadata.set(key, { type: 'other', value: v });
		}
	}
	const alignEntry = metadata.get('general.alignment');
	const alignment = alignEntry && typeof alignEntry.value === 'number' ? alignEntry.value : GGUF_DEFAULT_ALIGNMENT;
	const infos: Array<Omit<GgufTensorInfo, 'offset'> & { rel: number }> = [];
	for (let i = 0; i < tensorCount; i++) {
		const name = str(`tensor table entry ${i}`);
		const dims = u32(`tensor "${name}"`);
		const shape: number[] = [];
		for (let d = 0; d < dims; d++) shape.push(u64(`tensor "${name}"`));
		const ggmlType = u32(`tensor "${name}"`);
		infos.push({ name, shape, ggmlType, rel: u64(`tensor "${name}"`) });
	}
	const dataStart = Math.ceil(pos / alignment) * alignment;
	const tensors = infos.map(({ rel, ...t }) => ({ ...t, offset: dataStart + rel }));
	return { version, alignment, metadata, tensors, dataStart };
}

/** The data of an F32 or F16 tensor as float32, checking that it lies within the file. */
export function readGgufTensor(bytes: Uint8Array, header: GgufHeader, name: string): Float32Array {
	const t = header.tensors.find((x) => x.name === name);
	if (!t) throw new GgufError('missing-tensor', `The file has no tensor "${name}".`);
	const count = t.shape.reduce((a, b) => a * b, 1);
	const type: TensorType | undefined = t.ggmlType === GGML_TYPE.f32 ? 'f32' : t.ggmlType === GGML_TYPE.f16 ? 'f16' : undefined;
	if (!type) throw new GgufError('bad-config', `Tensor "${name}" has ggml type ${t.ggmlType}; only F32 and F16 can be read here.`);
	const size = count * (type === 'f32' ? 4 : 2);
	if (t.offset + size > bytes.byteLength) {
		throw new GgufError('truncated', `Tensor "${name}" lies beyond the end of the file; the file is incomplete.`);
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out = new Float32Array(count);
	for (let i = 0; i < count; i++) {
		out[i] = type === 'f32' ? view.getFloat32(t.offset + 4 * i, true) : fromFloat16Bits(view.getUint16(t.offset + 2 * i, true));
	}
	return out;
}

/** Throws a GgufError when a tensor's data would lie past the end of the file. */
export function checkGgufBounds(header: GgufHeader, byteLength: number): void {
	for (const t of header.tensors) {
		const per = t.ggmlType === GGML_TYPE.f32 ? 4 : t.ggmlType === GGML_TYPE.f16 ? 2 : 0;
		const end = t.offset + t.shape.reduce((a, b) => a * b, 1) * per;
		if (per && end > byteLength) {
			throw new GgufError('truncated', `Tensor "${t.name}" ends at byte ${end} but the file has ${byteLength} bytes: it is incomplete.`);
		}
	}
}
