import type { MetricDescriptor } from '../metricTypes';
import { TOKENIZER_TEXT } from '../tokenizerText';
import { estimateValue } from '../estimateValue';

export const distinctNMetric: MetricDescriptor = {
	id: 'distinctN',
	label: 'Distinct-n',
	csv: 'distinct_n',
	explanation: `Distinct-n is computed per problem over its sampled outputs pooled: unique n-grams / total n-grams, for n = 1 to 5, then averaged over n (orders with no n-gram are left out), then averaged over problems. It is computed for all samples, for correct samples only and for incorrect samples only; a problem with fewer than 2 samples in a subset is skipped for that subset and counted as skipped.\n\n${TOKENIZER_TEXT} Diversity grows with n and output length: compare models only at equal n.`,
	unit: 'ratio',
	better: 'up',
	subsets: ['all', 'correct', 'incorrect'],
	signals: ['distinctN'],
	values: (m) => (['all', 'correct', 'incorrect'] as const).map((s) => estimateValue(s, m.diversity[s].distinctN)),
	headline: { label: () => 'Distinct-n, all samples', cell: (m) => m.diversity.all.distinctN },
	charts: [
		{
			id: 'diversity-distinctN',
			section: 'diversity',
			kind: 'subsetBars',
			title: 'Distinct-n (syntactic)',
			description: 'Distinct-n (syntactic) of each model\'s samples, over all, correct and incorrect samples.',
			yLabel: 'Distinct-n (syntactic) (0–1)',
			opens: 'subset'
		}
	]
};
