import type { MetricDescriptor } from '../metricTypes';

export const groupDisparityMetric: MetricDescriptor = {
	id: 'groupDisparity',
	label: 'group disparity',
	csv: 'group_disparity',
	explanation: 'Group disparity (paper section 5.3) is (acc(easiest level) - acc(hardest level)) / acc(easiest level), with the headline accuracy per level: the share of the easiest level\'s accuracy lost at the hardest. The paper reports it x100 (MATH level 1 vs level 5). It has no value (n/a) when acc(easiest) = 0 or fewer than two levels have results.',
	unit: 'rate',
	better: 'down',
	subsets: ['all'],
	signals: ['groupDisparity'],
	values: (m) => [m.groupDisparity.ci ? { subset: 'all', value: m.groupDisparity.value, ci: m.groupDisparity.ci } : { subset: 'all', value: m.groupDisparity.value }],
	headline: { label: () => 'GD', cell: (m) => m.groupDisparity }
};
