import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';
import { splitValues } from '../splitValues';

const atK = (points: readonly { k: number; value: number | undefined }[], k: number) => points.find((p) => p.k === k);

export const passAtKMetric: MetricDescriptor = {
	id: 'passAtK',
	label: 'pass@k',
	csv: 'pass@k',
	explanation: 'pass@k is the chance that at least one of k samples is correct, estimated without bias from a problem\'s n samples of which c are correct (Chen et al. 2021): 1 - C(n-c, k) / C(n, k), computed as 1 - prod over i = n-c+1..n of (1 - k/i) so no huge binomial is ever formed; it is 1 when n - c < k. The value is the mean over problems.\n\nn is the number of samples of that problem (never the number of problems). A problem with fewer than k samples has no pass@k: it is left out and counted as "excluded", never scored as a failure. This is coverage@k in the sense of Brown et al. 2024, not the correct-answer coverage of the paper.',
	unit: 'rate',
	better: 'up',
	subsets: ['all', 'split:<split>'],
	signals: ['passAtN', 'crossover'],
	values: (m) => splitValues(m, (b, subset) => b.passAtK.map((p) => estimateValue(subset, p, p.k))),
	points: (m) => m.accuracy.passAtK.map((p) => ({ at: p.k, value: p.value, ci: p.ci, problems: p.problems })),
	labelAt: (k) => `pass@${k}`,
	headline: {
		label: (r) => `pass@${r.ks[r.ks.length - 1] ?? 'n'}`,
		cell: (m, r) => atK(m.accuracy.passAtK, r.ks[r.ks.length - 1] ?? 1)
	},
	charts: [
		{
			id: 'pass-at-k',
			section: 'accuracy',
			kind: 'curve',
			title: 'pass@k',
			description: 'Unbiased pass@k per model over k = 1, 2, 4, … n, with 95% bootstrap bands; a dashed line marks where a model\'s lead over the reference ends (crossover).',
			yLabel: 'pass@k (% of problems)',
			opens: 'model'
		}
	]
};
