import type { MetricDescriptor } from '../metricTypes';

export const improvementSetMetric: MetricDescriptor = {
	id: 'improvementSets',
	label: 'improvement set IS(t)',
	csv: 'improvement_set',
	explanation: 'The improvement set IS(t) holds the problems model t solves and the reference does not; "solved" means the greedy output is correct, or, without a greedy output, maj@n is at least 0.5 (the report states which rule it used). For IS(t) we show the reference\'s own pass@k: a high value means t mostly selected answers the reference could already reach by sampling, not a new ability.',
	unit: 'count',
	better: 'up',
	subsets: ['all'],
	values: (m) => (m.sets ? [{ subset: 'all', value: m.sets.improved.length }] : []),
	charts: [
		{
			id: 'improvement-sets',
			section: 'sets',
			kind: 'custom',
			title: 'Size of IS(t) and RS(t)',
			description: 'Problems newly solved (IS) and forgotten (RS) by each model against the reference.',
			yLabel: 'problems (count)',
			topics: ['improvementSets', 'regressionSet']
		}
	]
};
