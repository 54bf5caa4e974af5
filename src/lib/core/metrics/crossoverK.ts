export interface Crossover {
	/** The smallest k of the grid at which the reference's pass@k is at least model t's. */
	k: number;
	/** The largest k of the grid below it, up to which t leads. */
	leadsUpTo: number;
}

/**
 * Where the pass@k curves cross (Yue et al. 2025): when model t's pass@1 is above the reference's,
 * the smallest k of the grid with reference pass@k >= t's pass@k. Undefined when t is not ahead at
 * k = 1, when the curves never meet, or when a value needed is missing. `ks` must start at 1.
 */
export function crossoverK(ks: readonly number[], model: readonly (number | undefined)[], reference: readonly (number | undefined)[]): Crossover | undefined {
	const t1 = model[0];
	const r1 = reference[0];
	if (ks[0] !== 1 || t1 === undefined || r1 === undefined || !(t1 > r1)) return undefined;
	for (let i = 1; i < ks.length; i++) {
		const t = model[i];
		const r = reference[i];
		if (t === undefined || r === undefined) return undefined;
		if (r >= t) return { k: ks[i]!, leadsUpTo: ks[i - 1]! };
	}
	return undefined;
}
