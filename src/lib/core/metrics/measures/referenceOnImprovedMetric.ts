import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const referenceOnImprovedMetric: MetricDescriptor = {
	id: 'referencePassAtKOnImproved',
	label: "reference's pass@k on IS(t)",
	csv: 'reference_pass@k_on_improvement_set',
	explanation:
		'The reference\'s own pass@k (k = 1, 2, 4, ... n) restricted to the problems model t newly solves, IS(t), with a 95% bootstrap interval: how far those problems were already within the reference\'s reach by sampling. A high value means t mostly selected answers the reference could already reach, not a new ability.',
	unit: 'rate',
	better: 'neither',
	subsets: ['all'],
	values: (m) => (m.sets ? m.sets.referencePassAtKOnImproved.map((p) => estimateValue('all', p, p.k)) : []),
	charts: [
		{
			id: 'reference-on-is',
			section: 'sets',
			kind: 'custom',
			title: "The reference's pass@k on IS(t)",
			description: 'How often the reference already reached the problems each later model newly solves.',
			yLabel: 'reference pass@k on IS(t)',
			topics: ['referencePassAtKOnImproved', 'withinReferenceReach']
		}
	]
};
