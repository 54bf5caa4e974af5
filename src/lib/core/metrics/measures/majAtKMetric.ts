import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { splitValues } from '../splitValues';

export const majAtKMetric: MetricDescriptor = {
	id: 'majAtK',
	label: 'maj@k',
	csv: 'maj@k',
	explanation: 'maj@k (self-consistency) takes the first k samples of a problem (by sample index), votes over their extracted answers, and scores 1 when the winning answer is correct. A tie scores the fraction of tied answers that are correct (the expected value of a random tie-break). A sample without an extracted answer never wins; if none of the k has an answer the vote fails (0). Answers vote as extracted strings, so equal values written differently split their votes.',
	unit: 'rate',
	better: 'up',
	subsets: ['all', 'split:<split>'],
	values: (m) => splitValues(m, (b, subset) => b.majAtK.map((p) => estimateValue(subset, p, p.k))),
	points: (m) => m.accuracy.majAtK.map((p) => ({ at: p.k, value: p.value, ci: p.ci, problems: p.problems })),
	labelAt: (k) => `maj@${k}`,
	charts: [
		{
			id: 'maj-at-k',
			section: 'accuracy',
			kind: 'curve',
			title: 'maj@k (majority vote)',
			description: 'Majority vote over the first k samples\' answers, per model.',
			yLabel: 'maj@k (% of problems)',
			opens: 'firstK'
		}
	]
};
