import type { MetricDescriptor } from '../metricTypes';
import { solvableValue } from '../solvableValue';

export const solvableOnlyReferenceMetric: MetricDescriptor = {
	id: 'solvableOnlyReference',
	label: 'solvable only by the reference',
	csv: 'solvable_only_reference',
	explanation: 'Solvable sets (Yue et al. 2025): at the largest k both models were sampled at, a problem is solvable by a model when at least one of its sampled outputs is correct (its pass@k is above 0); problems with fewer than k samples from either model are left out. The problems fall in four regions: solvable by both, only by model t, only by the reference, by neither. Counts carry a 95% problem-level bootstrap interval (the count in each resample of the problems). Post-training that only sharpens leaves "only t" near empty; a large "only the reference" means t lost reach the reference had.' + '\n\nAs a verdict signal: the share of compared problems that only the reference solves, firing when its 95% interval lies above 0.',
	unit: 'count',
	better: 'down',
	subsets: ['all'],
	signals: ['solvableOnlyReference'],
	values: (m) => solvableValue(m, 'onlyReference')
};
