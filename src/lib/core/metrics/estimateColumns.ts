import { bootstrapMeans } from './bootstrapMeans';
import type { BootstrapDraws } from './bootstrapDraws';
import { percentileInterval } from './percentileInterval';
import type { Estimate } from './reportTypes';

export interface ColumnEstimates {
	estimates: Estimate[];
	/** cols x replicates bootstrap means (column-major), when intervals are on. */
	replicates?: Float64Array;
}

/**
 * Point estimates (means over the problems with a value), their problem counts, and bootstrap
 * intervals, for every column of a rows x cols matrix of per-problem statistics (NaN = no value).
 */
export function estimateColumns(values: Float64Array, rows: number, cols: number, draws: BootstrapDraws | undefined, confidence: number): ColumnEstimates {
	const estimates: Estimate[] = [];
	const replicates = draws && draws.replicates > 0 && rows > 0 ? bootstrapMeans(values, rows, cols, draws) : undefined;
	for (let k = 0; k < cols; k++) {
		let sum = 0;
		let count = 0;
		for (let r = 0; r < rows; r++) {
			const v = values[r * cols + k]!;
			if (v === v) {
				sum += v;
				count++;
			}
		}
		const value = count > 0 ? sum / count : undefined;
		const ci = replicates && count > 0 ? percentileInterval(replicates.subarray(k * draws!.replicates, (k + 1) * draws!.replicates), confidence) : undefined;
		estimates.push(ci ? { value, ci, problems: count } : { value, problems: count });
	}
	return replicates ? { estimates, replicates } : { estimates };
}
