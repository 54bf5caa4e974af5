import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { splitValues } from '../splitValues';

export const pass1SampledMetric: MetricDescriptor = {
	id: 'pass1Sampled',
	label: 'pass@1 (sampled)',
	csv: 'pass1_sampled',
	explanation: 'Sampled pass@1 is the mean over problems of c/n, the share of correct samples at the sampling temperature. It equals pass@k at k = 1.',
	unit: 'rate',
	better: 'up',
	subsets: ['all', 'split:<split>'],
	signals: ['pass1'],
	values: (m) => splitValues(m, (b, subset) => [estimateValue(subset, b.pass1Sampled)]),
	headline: { label: () => 'pass@1 sampled', cell: (m) => m.accuracy.pass1Sampled },
	charts: [
		{
			id: 'problem-scatter',
			section: 'beyond',
			kind: 'custom',
			title: 'Per problem: reference against model t',
			description: 'One point per problem: the reference\'s sampled pass@1 (x) against model t\'s (y); above the diagonal t does better.',
			yLabel: 'model t pass@1 (sampled)'
		},
		{
			id: 'success-histogram',
			section: 'beyond',
			kind: 'custom',
			title: 'Per-problem success rates',
			description: 'Share of problems in each band of c/n, per model; post-training that sharpens pushes mass to 0 and 1.',
			yLabel: 'problems (% of those sampled)'
		}
	]
};
