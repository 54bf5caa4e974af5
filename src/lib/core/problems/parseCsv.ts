// RFC 4180 CSV: a header row, quoted fields with "" escapes and embedded newlines.
// Cells are kept exactly as text: "=1+1" stays the string "=1+1" (never evaluated).
// Scans by slices (indexOf), not by character, so a 20 MB file parses in well under a second.
import { MAX_LINE_CHARS, formatBytes } from './decodeUpload';
import { UploadError } from './errors';
import type { ParsedTable } from './parseJsonl';

const DELIMITER = /[,\r\n]/g;

export function parseCsv(text: string, maxCellChars = MAX_LINE_CHARS): ParsedTable {
	const rows: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let line = 1;
	let rowLine = 1;
	let i = 0;
	const tooLong = (): never => {
		throw new UploadError('line-too-long', `A cell on line ${rowLine} is longer than ${formatBytes(maxCellChars)}, the limit for one cell. Is this really a CSV file of problems?`, rowLine);
	};
	const endRow = () => {
		if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
		cells = [];
		rowLine = line;
	};
	while (i <= text.length) {
		let cell: string;
		if (text[i] === '"') {
			cell = '';
			let from = i + 1;
			for (;;) {
				const q = text.indexOf('"', from);
				if (q < 0) throw new UploadError('syntax', `Line ${rowLine}: a quoted cell is never closed (a " is missing).`, rowLine);
				cell += text.slice(from, q);
				if (cell.length > maxCellChars) tooLong();
				if (text[q + 1] === '"') {
					cell += '"';
					from = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			for (const c of cell) if (c === '\n') line++;
			// Anything between the closing quote and the delimiter is kept, as lenient parsers do.
			DELIMITER.lastIndex = i;
			const d = DELIMITER.exec(text);
			const end = d ? d.index : text.length;
			cell += text.slice(i, end);
			i = end;
		} else {
			DELIMITER.lastIndex = i;
			const d = DELIMITER.exec(text);
			const end = d ? d.index : text.length;
			if (end - i > maxCellChars) tooLong();
			cell = text.slice(i, end);
			i = end;
		}
		cells.push(cell);
		const c = text[i];
		if (c === ',') i++;
		else {
			if (c === '\r' && text[i + 1] === '\n') i++;
			i++;
			line++;
			endRow();
			if (c === undefined) break;
		}
	}
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
