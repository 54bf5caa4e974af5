import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { headlineEstimate } from '../headlineEstimate';

export const accuracyMetric: MetricDescriptor = {
	id: 'accuracy',
	label: 'accuracy per level',
	csv: 'accuracy',
	explanation: 'Accuracy per split or level uses the headline measure: greedy pass@1 when the study has greedy outputs, else sampled pass@1, over the problems of that split or level.',
	unit: 'rate',
	better: 'up',
	subsets: ['level:<level>'],
	signals: ['ood', 'hardestLevel'],
	values: (m) => m.byLevel.map((l) => estimateValue(`level:${l.level}`, l.accuracy)),
	headline: { label: () => 'OOD acc', cell: (m) => headlineEstimate(m.bySplit.ood) },
	charts: [
		{
			id: 'ood',
			section: 'ood',
			kind: 'custom',
			title: 'In-domain vs out-of-domain accuracy',
			description: 'pass@1 (greedy when available) per split and model.',
			yLabel: 'pass@1 (% of problems)',
			topics: ['ood']
		},
		{
			id: 'levels',
			section: 'ood',
			kind: 'custom',
			title: 'Accuracy per level',
			description: 'pass@1 per difficulty level (1 = easiest) and model.',
			yLabel: 'pass@1 (% of problems)',
			topics: ['groupDisparity']
		}
	]
};
