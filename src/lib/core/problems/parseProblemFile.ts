import { parseCsv } from './parseCsv';
import { parseJsonl, type ParsedTable } from './parseJsonl';

/** The records of an uploaded problem file: CSV by its name (.csv), else JSONL. Throws an UploadError. */
export function parseProblemFile(text: string, fileName: string): ParsedTable {
	return /\.csv$/i.test(fileName) ? parseCsv(text) : parseJsonl(text);
}
