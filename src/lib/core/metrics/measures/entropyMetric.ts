import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const entropyMetric: MetricDescriptor = {
	id: 'entropy',
	label: 'answer entropy',
	csv: 'answer_entropy',
	explanation: 'Answer entropy is the Shannon entropy, in bits, of the distribution of a problem\'s extracted answers over its sampled outputs ("no answer" is one outcome), averaged over problems. 0 means every sample gave the same answer; log2(n) that all differed.',
	unit: 'bits',
	better: 'up',
	subsets: ['all'],
	values: (m) => [estimateValue('all', m.answerDiversity.entropy)]
};
