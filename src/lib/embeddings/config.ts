// The sentence-embedding model behind semantic diversity, and where it comes from. Pure.

/** all-MiniLM-L6-v2 (22.7M parameters, 384 dimensions), ONNX export for transformers.js. */
export const EMBEDDING_MODEL = 'Xenova/all-MiniLM-L6-v2';
/** 8-bit weights: onnx/model_quantized.onnx, about 23 MB. */
export const EMBEDDING_DTYPE = 'q8';
export const EMBEDDING_DOWNLOAD_BYTES = 23e6;
export const EMBEDDING_HOST = 'https://huggingface.co/';

/** The name reports show beside semantic diversity. */
export function embedderName(model = EMBEDDING_MODEL): string {
	return `${model.slice(model.indexOf('/') + 1)} sentence embeddings (transformers.js, mean-pooled)`;
}

/** Texts embedded per worker call: bounds memory and lets progress move. */
export const EMBED_BATCH = 32;

/** Unique texts in first-seen order (a study repeats answers; each is embedded once). */
export function uniqueTexts(texts: readonly string[]): string[] {
	return [...new Set(texts)];
}

export function batches<T>(items: readonly T[], size = EMBED_BATCH): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
