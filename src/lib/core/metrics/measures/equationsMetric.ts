import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const equationsMetric: MetricDescriptor = {
	id: 'equations',
	label: 'distinct equations',
	csv: 'equation_diversity',
	explanation: 'Distinct equations (logical diversity) collects the equations each sample writes: GSM8K calculator annotations such as <<48/2=24>> and plain statements "a op b = c". Each is normalised (no spaces or currency signs, x and × as *, ÷ as /, numbers by value so 1,200 = 1200 and 24.0 = 24) and counted once per sample; the value is unique equations / all equations across the problem\'s samples, averaged over problems. Problems whose samples write no equation have no value.',
	unit: 'ratio',
	better: 'up',
	subsets: ['all', 'correct', 'incorrect'],
	signals: ['equations'],
	values: (m) => (['all', 'correct', 'incorrect'] as const).map((s) => estimateValue(s, m.diversity[s].equations)),
	charts: [
		{
			id: 'diversity-equations',
			section: 'diversity',
			kind: 'subsetBars',
			title: 'Distinct equations (logical)',
			description: 'Distinct equations (logical) of each model\'s samples, over all, correct and incorrect samples.',
			yLabel: 'Distinct equations (logical) (0–1)',
			opens: 'subset'
		}
	]
};
