import type { TidyRow } from './tidyRows';

const COLUMNS = ['model', 'metric', 'subset', 'k', 'value', 'ci_low', 'ci_high'] as const;

function textCell(text: string): string {
	// A spreadsheet runs a cell starting with = + - @ (or tab / carriage return) as a formula:
	// a model name from an imported file must never become one.
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function numberCell(value: number | undefined): string {
	return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * The tidy table as CSV (RFC 4180: CRLF line ends, fields with comma, quote or line break quoted,
 * quotes doubled). Text cells are protected against formula injection; numbers stay numeric and
 * empty values are empty cells.
 */
export function toCsv(rows: readonly TidyRow[]): string {
	const lines = [COLUMNS.join(',')];
	for (const r of rows) {
		lines.push([textCell(r.model), textCell(r.metric), textCell(r.subset), numberCell(r.k), numberCell(r.value), numberCell(r.ci_low), numberCell(r.ci_high)].join(','));
	}
	return lines.join('\r\n') + '\r\n';
}
