/** Longest accepted line of a JSONL file, in characters: one sample is never this long. */
export const MAX_LINE_CHARS = 1_000_000;
/** Most samples one import accepts (the benchmark study has 160,000). */
export const MAX_SAMPLES = 2_000_000;

export function describeSize(chars: number): string {
	return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.ceil(chars / 1e3)} KB`;
}
/**
 * Largest study file read, in bytes, after gunzip: the CLI, the report page, its worker and
 * `?bundle=` all stop here (a JavaScript string of more is not reliable, and a gzip bomb stops here).
 */
export const MAX_FILE_BYTES = 400_000_000;
