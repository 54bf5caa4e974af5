/** A rows x cols row-major matrix of per-problem statistics; a column returns NaN for "no value". */
export function columnMatrix<R>(rows: readonly R[], columns: readonly ((row: R) => number)[]): Float64Array {
	const cols = columns.length;
	const out = new Float64Array(rows.length * cols);
	rows.forEach((row, r) => {
		for (let k = 0; k < cols; k++) out[r * cols + k] = columns[k]!(row);
	});
	return out;
}
