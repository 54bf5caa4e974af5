import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const withinReachMetric: MetricDescriptor = {
	id: 'withinReferenceReach',
	label: "within the reference's reach",
	csv: 'within_reference_reach',
	explanation: 'Within reach: of the problems model t newly solves (IS(t)), the share where at least one of the reference\'s n samples was already correct (the reference\'s pass@n on IS(t)).',
	unit: 'rate',
	better: 'neither',
	subsets: ['all'],
	values: (m) => (m.sets ? [estimateValue('all', m.sets.withinReferenceReach)] : [])
};
