import { fmtNum, fmtPct, fmtSigned } from '../format';
import type { MetricUnit } from './metricTypes';

/**
 * A metric's value in its unit: rates in percent, 0-1 scores and bits as decimals, counts and k as
 * whole numbers, "n/a" for no value. With `signed`, a difference (rates in percentage points).
 */
export function formatMetric(unit: MetricUnit, value: number | undefined, signed = false): string {
	if (signed) return unit === 'rate' ? fmtSigned(value) : fmtSigned(value, unit === 'count' || unit === 'k' ? 0 : 3, 1);
	switch (unit) {
		case 'rate':
			return fmtPct(value);
		case 'count':
		case 'k':
			return fmtNum(value, 0);
		case 'bits':
			return fmtNum(value, 2);
		default:
			return fmtNum(value);
	}
}

/** A 95% interval in the value's unit, "[27.0, 40.0]": percent signs are left to the value beside it or a note. */
export function formatInterval(unit: MetricUnit, ci: { low: number; high: number }): string {
	const bound = (v: number) => formatMetric(unit, v).replace('%', '');
	return `[${bound(ci.low)}, ${bound(ci.high)}]`;
}
