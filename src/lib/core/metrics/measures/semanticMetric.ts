import type { MetricDescriptor } from '../metricTypes';
import { estimateValue } from '../estimateValue';

export const semanticMetric: MetricDescriptor = {
	id: 'semantic',
	label: 'semantic diversity',
	csv: 'semantic_diversity',
	explanation: 'Semantic diversity is 1 - the mean cosine similarity over all pairs of a problem\'s samples, averaged over problems, for all, correct and incorrect samples (problems with fewer than 2 samples in a subset are skipped). Samples whose text gives no vector (empty output) are left out of the pairs. The embedder is named beside the number. Without a neural sentence-embedding model, the offline fallback "hashed n-gram cosine" hashes each sample\'s token unigrams and bigrams into 256 signed buckets: it measures shared wording, not meaning, and its values are not comparable with SBERT-based figures such as the paper\'s.',
	unit: 'ratio',
	better: 'up',
	subsets: ['all', 'correct', 'incorrect'],
	signals: ['semantic'],
	values: (m) => (['all', 'correct', 'incorrect'] as const).map((s) => estimateValue(s, m.diversity[s].semantic)),
	charts: [
		{
			id: 'diversity-semantic',
			section: 'diversity',
			kind: 'subsetBars',
			title: 'Semantic diversity',
			description: 'Semantic diversity of each model\'s samples, over all, correct and incorrect samples.',
			yLabel: 'Semantic diversity (0–1)',
			opens: 'subset'
		}
	]
};
