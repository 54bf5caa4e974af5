// A stored study and its samples as a bundle, samples in plan order so equal runs give equal files.
import type { Bundle, Sample } from '../core/types';
import type { StoredStudy } from './types';

export function buildBundle(stored: StoredStudy, samples: readonly Sample[], createdAt = stored.updatedAt): Bundle {
	const modelOrder = new Map([...stored.models].sort((a, b) => a.order - b.order).map((m, i) => [m.id, i]));
	const problemOrder = new Map(stored.problems.map((p, i) => [p.id, i]));
	const ordered = [...samples].sort(
		(a, b) =>
			(modelOrder.get(a.model) ?? 0) - (modelOrder.get(b.model) ?? 0) ||
			(problemOrder.get(a.problem) ?? 0) - (problemOrder.get(b.problem) ?? 0) ||
			a.index - b.index
	);
	return {
		format: 'reversal-lab/bundle',
		version: 1,
		study: stored.study,
		problems: stored.problems,
		models: stored.models,
		samples: ordered,
		environment: stored.environment ?? { app: 'reversal-lab', engine: 'unknown', browser: 'unknown' },
		createdAt
	};
}
