import { MAX_LINE_CHARS, formatBytes } from './decodeUpload';
import { UploadError } from './errors';

export interface ParsedTable {
	/** Each record with the file line it came from (1-based). */
	records: { line: number; values: Record<string, unknown> }[];
	columns: string[];
}

/** One JSON object per line; blank lines are skipped; errors name the line. */
export function parseJsonl(text: string, maxLineChars = MAX_LINE_CHARS): ParsedTable {
	const records: ParsedTable['records'] = [];
	const columns = new Set<string>();
	let line = 0;
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		line++;
		const length = end - start;
		if (length > maxLineChars)
			throw new UploadError('line-too-long', `Line ${line} is ${formatBytes(length)} long; a line may hold at most ${formatBytes(maxLineChars)}. Is this really a JSONL file of problems?`, line);
		const raw = text.slice(start, end).trim();
		start = end + 1;
		if (raw === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (e) {
			throw new UploadError('syntax', `Line ${line} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, line);
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UploadError('syntax', `Line ${line} should be a JSON object like {"question": ..., "answer": ...}.`, line);
		for (const k of Object.keys(value)) columns.add(k);
		records.push({ line, values: value as Record<string, unknown> });
	}
	if (records.length === 0) throw new UploadError('empty', 'The file holds no records.');
	return { records, columns: [...columns] };
}
