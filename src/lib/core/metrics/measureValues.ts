import type { MetricValue } from './metricTypes';
import type { MeasurePoint } from './reportTypes';

/**
 * Tidy values of a registry measure's points: the grid value in the k column ('k'), or in the
 * subset as `<name>:<value>` (e.g. 'tau:0.5') with subset-free k.
 */
export function measureValues(points: readonly MeasurePoint[] | undefined, grid: 'k' | string): MetricValue[] {
	return (points ?? []).map((p) => {
		const v: MetricValue = grid === 'k' ? { subset: 'all', k: p.at, value: p.value } : { subset: `${grid}:${p.at}`, value: p.value };
		if (p.ci) v.ci = p.ci;
		return v;
	});
}
