import type { BootstrapDraws } from './bootstrapDraws';

/**
 * Bootstrap replicates of column means. `values` holds `rows` problems x `cols` statistics in
 * row-major order, NaN where a problem has no value for a statistic (it is then left out of that
 * mean, as in the point estimate). Each replicate resamples the rows with replacement, all columns
 * together, so a difference or ratio of two columns is a paired bootstrap.
 * Returns cols x replicates means (column-major); NaN where a replicate drew no value.
 */
export function bootstrapMeans(values: Float64Array, rows: number, cols: number, draws: BootstrapDraws): Float64Array {
	const { replicates, stride, uniforms } = draws;
	if (rows > stride) throw new RangeError(`bootstrapMeans: ${rows} rows exceed the draws' ${stride}`);
	if (values.length !== rows * cols) throw new RangeError(`bootstrapMeans: ${values.length} values for ${rows} x ${cols}`);
	const out = new Float64Array(cols * replicates);
	const sums = new Float64Array(cols);
	const counts = new Float64Array(cols);
	for (let b = 0; b < replicates; b++) {
		sums.fill(0);
		counts.fill(0);
		const base = b * stride;
		for (let j = 0; j < rows; j++) {
			const r = Math.floor(uniforms[base + j]! * rows) * cols;
			for (let k = 0; k < cols; k++) {
				const v = values[r + k]!;
				if (v === v) {
					sums[k]! += v;
					counts[k]!++;
				}
			}
		}
		for (let k = 0; k < cols; k++) out[k * replicates + b] = counts[k]! > 0 ? sums[k]! / counts[k]! : NaN;
	}
	return out;
}
