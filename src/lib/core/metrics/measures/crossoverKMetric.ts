import type { MetricDescriptor } from '../metricTypes';

export const crossoverKMetric: MetricDescriptor = {
	id: 'crossoverK',
	label: 'crossover k',
	csv: 'crossover_k',
	explanation:
		'The crossover (Yue et al. 2025): when model t\'s sampled pass@1 is above the reference\'s, the smallest k of the report\'s grid (1, 2, 4, ... n) at which the reference\'s pass@k is at least t\'s. Up to the k before it t leads; from it on the reference does: t wins one try, the reference wins many, the pattern of post-training that sharpens what was there instead of adding ability. No value (n/a) when t is not ahead at k = 1 or the curves never meet within the grid. Each curve is the model\'s own pass@k over its problems.\n\nIt is a grid value, so it has no interval of its own; the verdict\'s crossover signal fires only when t\'s sampled pass@1 lead and the reference\'s lead at the largest k both sampled at have paired 95% intervals that exclude 0.',
	unit: 'k',
	better: 'neither',
	subsets: ['all'],
	signals: ['crossover'],
	values: (m) => (m.versus ? [{ subset: 'all', value: m.versus.crossover?.k }] : []),
	headline: { label: () => 'crossover k', cell: (m) => (m.versus ? { value: m.versus.crossover?.k } : undefined) }
};
