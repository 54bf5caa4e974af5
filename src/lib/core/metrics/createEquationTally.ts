/** Distinct and total equations of a growing pool of samples, for all / correct / incorrect samples. */
export interface EquationTally {
	/** distinct[group] and total[group], group 0 = all, 1 = correct, 2 = incorrect. */
	distinct: Float64Array;
	total: Float64Array;
	/** Adds one sample's equations (as extractEquations gives them); group 1 correct, 2 incorrect. */
	add(equations: readonly string[], group: number): void;
}

/**
 * The incremental form of the distinct-equations count (integers, so the same whatever the order of
 * the samples): each distinct equation remembers which groups wrote it. Samples can only be added.
 */
export function createEquationTally(): EquationTally {
	const distinct = new Float64Array(3);
	const total = new Float64Array(3);
	const held = new Map<string, number>();
	return {
		distinct,
		total,
		add(equations, group) {
			const bit = group === 1 || group === 2 ? group : 0;
			for (const e of equations) {
				total[0]!++;
				if (bit) total[bit]!++;
				const h = held.get(e);
				if (h === undefined) {
					held.set(e, bit);
					distinct[0]!++;
					if (bit) distinct[bit]!++;
				} else if (bit && (h & bit) === 0) {
					held.set(e, h | bit);
					distinct[bit]!++;
				}
			}
		}
	};
}
