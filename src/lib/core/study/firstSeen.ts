/**
 * Where each (model, problem, index) was first seen, for the duplicate checks of large files: maps by
 * model and problem, so no key string is built per sample (sampleKey's cost at 160,000 samples).
 */
export function createFirstSeen<T>(): (model: string, problem: string, index: number, at: T) => T | undefined {
	const seen = new Map<string, Map<string, Map<number, T>>>();
	/** The earlier place of this sample, or undefined (and `at` is remembered as its first). */
	return (model, problem, index, at) => {
		let byProblem = seen.get(model);
		if (!byProblem) seen.set(model, (byProblem = new Map()));
		let byIndex = byProblem.get(problem);
		if (!byIndex) byProblem.set(problem, (byIndex = new Map()));
		const first = byIndex.get(index);
		if (first === undefined) byIndex.set(index, at);
		return first;
	};
}
