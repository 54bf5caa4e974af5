import type { MetricDescriptor } from '../metricTypes';

export const regressionSetMetric: MetricDescriptor = {
	id: 'regressionSet',
	label: 'regression set RS(t)',
	csv: 'regression_set',
	explanation: 'The regression set RS(t) holds the problems the reference solves and model t no longer does (forgotten problems), with the same "solved" rule as the improvement set.',
	unit: 'count',
	better: 'down',
	subsets: ['all'],
	signals: ['forgetting'],
	values: (m) => (m.sets ? [{ subset: 'all', value: m.sets.regressed.length }] : [])
};
