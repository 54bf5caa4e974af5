import type { MetricValue } from './metricTypes';
import type { ModelReport, SolvableSets } from './reportTypes';

/** The tidy value of one region of the solvable sets (a count, k = the k it was taken at). */
export function solvableValue(m: ModelReport, region: keyof Pick<SolvableSets, 'both' | 'onlyModel' | 'onlyReference'>): MetricValue[] {
	const s = m.versus?.solvable;
	if (!m.versus) return [];
	if (!s) return [{ subset: 'all', value: undefined }];
	const r = s[region];
	return [r.ci ? { subset: 'all', k: s.k, value: r.count, ci: r.ci } : { subset: 'all', k: s.k, value: r.count }];
}
