import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const answerDiversityMetric: MetricDescriptor = {
	id: 'answerDiversity',
	label: 'answer diversity',
	csv: 'answer_diversity',
	explanation: 'Answer diversity is the number of distinct extracted answers divided by n, per problem over its sampled outputs, averaged over problems (problems with fewer than 2 samples are skipped). "No answer" counts as one outcome of its own.',
	unit: 'ratio',
	better: 'up',
	subsets: ['all'],
	signals: ['answerDiversity'],
	values: (m) => [estimateValue('all', m.answerDiversity.distinctRatio)],
	charts: [
		{
			id: 'answer-diversity',
			section: 'diversity',
			kind: 'custom',
			title: 'Answer diversity',
			description: 'Distinct extracted answers over n, and the entropy of the answer distribution.',
			yLabel: 'value (ratio or bits)',
			topics: ['answerDiversity', 'entropy']
		}
	]
};
