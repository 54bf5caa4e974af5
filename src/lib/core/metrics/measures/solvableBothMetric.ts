import type { MetricDescriptor } from '../metricTypes';
import { solvableValue } from '../solvableValue';

export const solvableBothMetric: MetricDescriptor = {
	id: 'solvableBoth',
	label: 'solvable by both',
	csv: 'solvable_both',
	explanation: 'Solvable sets (Yue et al. 2025): at the largest k both models were sampled at, a problem is solvable by a model when at least one of its sampled outputs is correct (its pass@k is above 0); problems with fewer than k samples from either model are left out. The problems fall in four regions: solvable by both, only by model t, only by the reference, by neither. Counts carry a 95% problem-level bootstrap interval (the count in each resample of the problems). Post-training that only sharpens leaves "only t" near empty; a large "only the reference" means t lost reach the reference had.' + '\n\nThe diagram opens the problems behind each region.',
	unit: 'count',
	better: 'neither',
	subsets: ['all'],
	values: (m) => solvableValue(m, 'both'),
	charts: [
		{
			id: 'solvable-sets',
			section: 'beyond',
			kind: 'custom',
			title: 'Solvable sets: reference and model t',
			description: 'Problems with at least one correct sample at the largest common k: solvable by both, only by the reference, only by model t.',
			yLabel: 'problems'
		}
	]
};
