// The shape of a datasets-server /rows answer, checked before any adapter trusts it:
// { features: [{feature_idx, name, type}], rows: [{row_idx, row, truncated_cells}],
//   num_rows_total, num_rows_per_page, partial }.

export interface DatasetRow {
	row_idx: number;
	row: Record<string, unknown>;
	truncated_cells?: string[];
}

export interface RowsResponse {
	rows: DatasetRow[];
	num_rows_total: number;
	num_rows_per_page?: number;
	partial?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checked response, or a sentence saying which part of it is wrong. */
export function parseRowsResponse(json: unknown): RowsResponse | string {
	if (!isRecord(json)) return 'the answer is not a JSON object';
	if (!Array.isArray(json.rows)) return 'the answer has no "rows" list';
	if (typeof json.num_rows_total !== 'number') return 'the answer has no "num_rows_total" number';
	const rows: DatasetRow[] = [];
	for (const [i, r] of json.rows.entries()) {
		if (!isRecord(r) || typeof r.row_idx !== 'number' || !isRecord(r.row)) return `rows[${i}] lacks "row_idx" or "row"`;
		rows.push({ row_idx: r.row_idx, row: r.row, truncated_cells: Array.isArray(r.truncated_cells) ? r.truncated_cells.map(String) : [] });
	}
	return {
		rows,
		num_rows_total: json.num_rows_total,
		num_rows_per_page: typeof json.num_rows_per_page === 'number' ? json.num_rows_per_page : undefined,
		partial: json.partial === true
	};
}
