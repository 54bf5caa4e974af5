import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const coverageMetric: MetricDescriptor = {
	id: 'coverage',
	label: 'correct-answer coverage',
	csv: 'coverage',
	explanation: 'Correct-answer coverage (paper section 4.2) is the mean over problems of c/n at the sampling temperature: the probability mass the model puts on the correct region of its answer space. The paper reads coverage above 0.5 for the starting model as favouring preference-based iteration (DPO) and below 0.5 as favouring iterative SFT: a hint, not a law (one of the paper\'s own cells breaks it).\n\nAveraged over problems it equals sampled pass@1 (the same c/n per problem); its own reading is the 0.5 line and the per-problem answer space. It is not coverage@k in the repeated-sampling sense (Brown et al. 2024), which is pass@k.',
	unit: 'rate',
	better: 'up',
	subsets: ['all'],
	values: (m) => [estimateValue('all', m.coverage)],
	// No headline column: averaged over problems it equals sampled pass@1, which the table has.
	charts: [
		{
			id: 'coverage',
			section: 'coverage',
			kind: 'custom',
			title: 'Correct-answer coverage',
			description: 'Mean over problems of the share of correct samples, at the sampling temperature. Not coverage@k (that is pass@k).',
			yLabel: 'coverage (% of samples correct)'
		},
		{
			id: 'answer-space',
			section: 'coverage',
			kind: 'custom',
			title: 'Answer space of one problem',
			description: 'The distinct answers of one problem\'s samples, with the mass on the correct one.',
			yLabel: 'share of samples',
			topics: ['answerSpace']
		}
	]
};
