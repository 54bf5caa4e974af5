import type { MetricValue } from './metricTypes';
import type { Estimate } from './reportTypes';

/** An estimate as a tidy value. */
export function estimateValue(subset: string, e: Estimate, k?: number): MetricValue {
	const v: MetricValue = k === undefined ? { subset, value: e.value } : { subset, k, value: e.value };
	if (e.ci) v.ci = e.ci;
	return v;
}
