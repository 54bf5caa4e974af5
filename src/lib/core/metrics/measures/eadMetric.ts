import type { MetricDescriptor } from '../metricTypes';
import { TOKENIZER_TEXT } from '../tokenizerText';
import { estimateValue } from '../estimateValue';

export const eadMetric: MetricDescriptor = {
	id: 'ead',
	label: 'EAD',
	csv: 'ead',
	explanation: `Expectation-adjusted distinct (Liu et al. 2022) divides the unique n-gram count U by the number expected from C random draws out of a vocabulary of size V: U / (V (1 - ((V-1)/V)^C)), so that long and short outputs compare fairly; like Distinct-n it is averaged over n = 1..5 and then over problems. Our choice: V is one fixed number for every n and every model (option eadVocabulary, default 32,000, the size of a typical LLM tokenizer's vocabulary), since our tokens are words, not the model's own sub-word tokens.\n\n${TOKENIZER_TEXT}`,
	unit: 'ratio',
	better: 'up',
	subsets: ['all', 'correct', 'incorrect'],
	values: (m) => (['all', 'correct', 'incorrect'] as const).map((s) => estimateValue(s, m.diversity[s].ead)),
	charts: [
		{
			id: 'diversity-ead',
			section: 'diversity',
			kind: 'subsetBars',
			title: 'EAD (expectation-adjusted distinct)',
			description: 'EAD (expectation-adjusted distinct) of each model\'s samples, over all, correct and incorrect samples.',
			yLabel: 'EAD (expectation-adjusted distinct) (0–1)',
			opens: 'subset'
		}
	]
};
