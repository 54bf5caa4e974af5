// Constants of the GGUF v3 format (ggml's gguf.h) used by the writer and the reader.

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** Metadata value types (enum gguf_type). */
export const GGUF_VALUE = {
	uint8: 0,
	int8: 1,
	uint16: 2,
	int16: 3,
	uint32: 4,
	int32: 5,
	float32: 6,
	bool: 7,
	string: 8,
	array: 9,
	uint64: 10,
	int64: 11,
	float64: 12
} as const;

/** Tensor element types (enum ggml_type); only the two this writer produces. */
export const GGML_TYPE = { f32: 0, f16: 1 } as const;
export type TensorType = keyof typeof GGML_TYPE;

/** A metadata entry, typed so the writer knows its wire type. */
export type GgufValue =
	| { type: 'string'; value: string }
	| { type: 'uint32'; value: number }
	| { type: 'int32'; value: number }
	| { type: 'uint64'; value: number }
	| { type: 'float32'; value: number }
	| { type: 'bool'; value: boolean }
	| { type: 'string[]'; value: readonly string[] }
	| { type: 'int32[]'; value: readonly number[] }
	| { type: 'float32[]'; value: readonly number[] };

export interface GgufTensor {
	name: string;
	/** Dimensions in ggml order: ne0 (the contiguous one) first. */
	shape: readonly number[];
	type: TensorType;
	/** Row-major data with ne0 varying fastest, always given as float32. */
	data: Float32Array;
}

export interface GgufFile {
	metadata: ReadonlyMap<string, GgufValue>;
	tensors: readonly GgufTensor[];
	alignment?: number;
}
