// Identical outputs grouped: a model that answers a problem with the same text eight times out of
// eight shows that text once, with its count and the sample indices behind it.
import type { Sample } from '../types';

export interface OutputGroup {
	text: string;
	/** The samples with this exact text, by index (greedy, -1, first). */
	samples: Sample[];
}

/** The samples grouped by exact text, the groups in the order of their first sample. */
export function outputGroups(samples: readonly Sample[]): OutputGroup[] {
	const byText = new Map<string, OutputGroup>();
	for (const s of [...samples].sort((a, b) => a.index - b.index)) {
		const group = byText.get(s.text);
		if (group) group.samples.push(s);
		else byText.set(s.text, { text: s.text, samples: [s] });
	}
	return [...byText.values()];
}
