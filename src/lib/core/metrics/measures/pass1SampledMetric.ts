import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { splitValues } from '../splitValues';

export const pass1SampledMetric: MetricDescriptor = {
	id: 'pass1Sampled',
	label: 'pass@1 (sampled)',
	csv: 'pass1_sampled',
	explanation: 'Sampled pass@1 is the mean over problems of c/n, the share of correct samples at the sampling temperature. It equals pass@k at k = 1.\n\nThe same c/n, problem by problem: the scatter puts each problem at the reference\'s rate (x) and model t\'s (y), with a small fixed jitter so that problems at the same rates stay apart (the points above the diagonal are where t does better); the histogram counts each model\'s problems in the bands 0, (0, 0.25), [0.25, 0.5), [0.5, 0.75), [0.75, 1) and 1, as a share of its problems with samples. Post-training that sharpens what the model already knew moves mass from the middle bands to 0 and 1.',
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
			yLabel: 'model t pass@1 (sampled)',
			order: 1
		},
		{
			id: 'success-histogram',
			section: 'beyond',
			kind: 'custom',
			title: 'Per-problem success rates',
			description: 'Share of problems in each band of c/n, per model; post-training that sharpens pushes mass to 0 and 1.',
			yLabel: 'problems (% of those sampled)',
			order: 1
		}
	]
};
