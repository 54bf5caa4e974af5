import type { MetricDescriptor } from '../metricTypes';
import { solvableValue } from '../solvableValue';

export const solvableOnlyModelMetric: MetricDescriptor = {
	id: 'solvableOnlyModel',
	label: 'solvable only by model t',
	csv: 'solvable_only_model',
	explanation: 'Solvable sets (Yue et al. 2025): at the largest k both models were sampled at, a problem is solvable by a model when at least one of its sampled outputs is correct (its pass@k is above 0); problems with fewer than k samples from either model are left out. The problems fall in four regions: solvable by both, only by model t, only by the reference, by neither. Counts carry a 95% problem-level bootstrap interval (the count in each resample of the problems). Post-training that only sharpens leaves "only t" near empty; a large "only the reference" means t lost reach the reference had.',
	unit: 'count',
	better: 'up',
	subsets: ['all'],
	values: (m) => solvableValue(m, 'onlyModel')
};
