// RFC 4180 CSV: a header row, quoted fields with "" escapes and embedded newlines.
// Cells are kept exactly as text: "=1+1" stays the string "=1+1" (never evaluated).
import { MAX_LINE_CHARS, formatBytes } from './decodeUpload';
import { UploadError } from './errors';
import type { ParsedTable } from './parseJsonl';

export function parseCsv(text: string, maxCellChars = MAX_LINE_CHARS): ParsedTable {
	const rows: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let cellStart = 0;
	const endCell = (i: number) => {
		if (i - cellStart > maxCellChars) throw new UploadError('line-too-long', `A cell on line ${rowLine} is ${formatBytes(i - cellStart)} long; the limit is ${formatBytes(maxCellChars)}.`, rowLine);
		cells.push(cell);
		cell = '';
		cellStart = i + 1;
	};
	const endRow = (i: number) => {
		endCell(i);
		if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
		cells = [];
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				cell += c;
			}
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ',') endCell(i);
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRow(i);
			line++;
			rowLine = line;
		} else cell += c;
		if (i - cellStart > maxCellChars) endCell(i);
	}
	if (quoted) throw new UploadError('syntax', `Line ${rowLine}: a quoted cell is never closed (a " is missing).`, rowLine);
	endRow(text.length);
	const header = rows.shift();
	if (!header || rows.length === 0) throw new UploadError('empty', 'The CSV file needs a header row and at least one row of problems.');
	const columns = header.cells.map((h) => h.trim());
	const records = rows.map(({ line: l, cells: cs }) => {
		if (cs.length !== columns.length)
			throw new UploadError('syntax', `Line ${l} has ${cs.length} cells but the header has ${columns.length}. Quote cells that contain commas.`, l);
		return { line: l, values: Object.fromEntries(columns.map((col, k) => [col, cs[k] as string])) };
	});
	return { records, columns };
}
