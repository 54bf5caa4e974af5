// During a run the models have samples for different problems (M1 is done, M3 has a third): a
// table of each model on its own problems compares unlike with like. These are the problems every
// model with samples has samples for. Pure: it runs in the report worker and in unit tests.
import type { Bundle } from '../types';

/**
 * The problems (in study order) that every model with at least one sample has samples for, or
 * undefined when those models all cover the same problems already (nothing to restrict).
 */
export function commonProblems(bundle: Pick<Bundle, 'problems' | 'samples'>): string[] | undefined {
	const byModel = new Map<string, Set<string>>();
	for (const s of bundle.samples) {
		let set = byModel.get(s.model);
		if (!set) byModel.set(s.model, (set = new Set()));
		set.add(s.problem);
	}
	const sets = [...byModel.values()];
	if (sets.length === 0) return undefined;
	const common = bundle.problems.map((p) => p.id).filter((id) => sets.every((set) => set.has(id)));
	return sets.every((set) => set.size === common.length) ? undefined : common;
}
