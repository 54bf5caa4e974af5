import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { splitValues } from '../splitValues';

export const pass1GreedyMetric: MetricDescriptor = {
	id: 'pass1Greedy',
	label: 'pass@1 (greedy)',
	csv: 'pass1_greedy',
	explanation: 'Greedy pass@1 is the share of problems whose greedy output (temperature 0) is correct: the paper\'s headline number. Problems without a greedy output are left out.',
	unit: 'rate',
	better: 'up',
	subsets: ['all', 'split:<split>'],
	signals: ['pass1'],
	values: (m) => splitValues(m, (b, subset) => [estimateValue(subset, b.pass1Greedy)]),
	headline: { label: () => 'pass@1 greedy', cell: (m) => m.accuracy.pass1Greedy }
};
