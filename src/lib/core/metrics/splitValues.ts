import type { MetricValue } from './metricTypes';
import type { AccuracyBlock, ModelReport } from './reportTypes';

/** The values of an accuracy measure over all problems, then each split ('split:<split>'). */
export function splitValues(m: ModelReport, pick: (block: AccuracyBlock, subset: string) => MetricValue[]): MetricValue[] {
	const out = pick(m.accuracy, 'all');
	for (const [split, block] of Object.entries(m.bySplit)) if (block) out.push(...pick(block, `split:${split}`));
	return out;
}
