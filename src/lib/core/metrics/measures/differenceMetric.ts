import type { MetricDescriptor } from '../metricTypes';

export const differenceMetric: MetricDescriptor = {
	id: 'difference',
	label: 'verdict signal (model t minus reference)',
	csv: 'difference',
	explanation:
		'Each verdict signal as one number: model t minus the reference on the same problems (for group disparity, forgetting and "solvable only by the reference": the quantity whose rise is bad), with its paired 95% bootstrap interval, in the tidy table as metric "difference" with subset signal:<id>. The rules that turn them into a verdict are under the verdict.',
	unit: 'rate',
	better: 'neither',
	subsets: ['signal:<signal id>'],
	values: (m) =>
		m.verdict
			? [m.verdict.headline, ...m.verdict.signals].map((s) =>
					s.difference.ci ? { subset: `signal:${s.id}`, value: s.difference.delta, ci: s.difference.ci } : { subset: `signal:${s.id}`, value: s.difference.delta }
				)
			: []
};
