import { extractEquations } from './extractEquations';

/** Distinct equations / all equations written across a set of texts (each text's own repeats counted once). */
export function equationDiversity(texts: readonly string[]): number | undefined {
	const seen = new Set<string>();
	let total = 0;
	for (const t of texts) {
		const eqs = extractEquations(t);
		for (const e of eqs) seen.add(e);
		total += eqs.length;
	}
	return total > 0 ? seen.size / total : undefined;
}
