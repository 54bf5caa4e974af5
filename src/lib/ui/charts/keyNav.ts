// Keyboard navigation inside a chart that is one tab stop: the arrow keys move an active mark over
// a grid of rows (series, panels) of varying length; Home and End jump within the row.
export interface GridPos {
	row: number;
	col: number;
}

/**
 * The position after a key press, or undefined when the key is not a navigation key (so the caller
 * lets it through). `rows` holds each row's length; empty rows are skipped. The first key on a
 * chart with no active mark selects the first mark.
 */
export function gridMove(key: string, pos: GridPos | undefined, rows: readonly number[]): GridPos | undefined {
	if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) return undefined;
	const filled = rows.flatMap((n, row) => (n > 0 ? [row] : []));
	const first = filled[0];
	if (first === undefined) return undefined;
	if (!pos || !filled.includes(pos.row)) return { row: first, col: 0 };
	const len = rows[pos.row]!;
	const clampCol = (row: number, col: number) => Math.max(0, Math.min(rows[row]! - 1, col));
	const at = filled.indexOf(pos.row);
	switch (key) {
		case 'ArrowLeft':
			return { row: pos.row, col: Math.max(0, pos.col - 1) };
		case 'ArrowRight':
			return { row: pos.row, col: Math.min(len - 1, pos.col + 1) };
		case 'Home':
			return { row: pos.row, col: 0 };
		case 'End':
			return { row: pos.row, col: len - 1 };
		case 'ArrowUp': {
			const row = filled[Math.max(0, at - 1)]!;
			return { row, col: clampCol(row, pos.col) };
		}
		default: {
			const row = filled[Math.min(filled.length - 1, at + 1)]!;
			return { row, col: clampCol(row, pos.col) };
		}
	}
}
