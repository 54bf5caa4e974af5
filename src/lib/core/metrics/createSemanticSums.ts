import type { SampleFeatures } from './builderTypes';
import { scaleAdder, type ScaleAdder } from './scaleAdder';

/** The semantic-diversity sums of one (model, problem)'s sampled outputs, kept between reports. */
export interface SemanticSums {
	/**
	 * Semantic diversity (see semanticDiversity) of all, correct and incorrect samples, from
	 * `samples` sorted by index. The samples with an index below `from` must be those of the last
	 * call, unchanged (pass -Infinity when unsure): only the sums after them are redone.
	 */
	values(samples: readonly SampleFeatures[], from: number): [number, number, number];
}

/** 1 / |v| (0 for a zero vector), computed once per sample. */
function unitOf(s: SampleFeatures, d: number): number {
	if (s.unit !== undefined) return s.unit;
	const v = s.vector;
	let norm = 0;
	for (let i = 0; i < d; i++) norm += v[i]! * v[i]!;
	return (s.unit = norm === 0 ? 0 : 1 / Math.sqrt(norm));
}

/**
 * Each vector is normalised once and added to its group's sum (correct or incorrect) in index
 * order; "all" is the sum of both groups. Floating-point sums depend on the order of their terms, so
 * a sample arriving in the middle cannot simply be added: the group's sum is redone from the last
 * checkpoint before it (the sum after every `every` members of the group, kept), and a group with
 * no new or changed member is not redone at all. A live report's new sample so costs about half its
 * group instead of the whole problem, and the same samples give the same bits as a recount.
 * `every = Infinity` keeps no checkpoints (a one-off computation).
 */
export function createSemanticSums(every = 16, adder: ScaleAdder = scaleAdder()): SemanticSums {
	if (!(every >= 1)) throw new RangeError(`createSemanticSums needs a checkpoint interval >= 1, got ${every}`);
	let d = -1;
	// Per group g (0 correct, 1 incorrect): its members and non-zero vectors at the last call, its
	// sum, and the checkpoints: marks[g][(j - 1) * d ..] is the sum after j * every members.
	const members = [0, 0];
	const units = [0, 0];
	let sums = [new Float64Array(0), new Float64Array(0)];
	const marks = [new Float64Array(0), new Float64Array(0)];
	const markUnits: number[][] = [[], []];

	function mark(g: number, j: number): void {
		let m = marks[g]!;
		if (m.length < j * d) {
			const more = new Float64Array(Math.max(j * d, 2 * m.length));
			more.set(m);
			marks[g] = m = more;
		}
		m.set(sums[g]!, (j - 1) * d);
		markUnits[g]![j - 1] = units[g]!;
	}

	return {
		values(samples, from) {
			const dim = samples[0]?.vector.length ?? 0;
			if (dim !== d) {
				d = dim;
				sums = [new Float64Array(d), new Float64Array(d)];
				members[0] = members[1] = -1;
				from = -Infinity;
			}
			// Members of each group before `from` (unchanged), and now.
			const kept = [0, 0];
			const now = [0, 0];
			for (const s of samples) {
				const g = s.correct ? 0 : 1;
				now[g]!++;
				if (s.index < from) kept[g]!++;
			}
			// Where each group's sum restarts: its last checkpoint at or before its kept members;
			// -1 when the group is unchanged.
			const restart = [0, 1].map((g) => {
				if (kept[g] === now[g] && now[g] === members[g]) return -1;
				const j = every === Infinity ? 0 : Math.floor(kept[g]! / every);
				const sum = sums[g]!;
				if (j === 0) {
					sum.fill(0);
					units[g] = 0;
				} else {
					sum.set(marks[g]!.subarray((j - 1) * d, j * d));
					units[g] = markUnits[g]![j - 1]!;
				}
				return j * every;
			});
			const at = [0, 0];
			// Each group's terms since its last checkpoint, added in one call to the adder.
			const vectors: Float32Array[][] = [[], []];
			const scales: number[][] = [[], []];
			const flush = (g: number): void => {
				adder.add(sums[g]!, vectors[g]!, scales[g]!, d);
				vectors[g]!.length = 0;
				scales[g]!.length = 0;
			};
			for (const s of samples) {
				const g = s.correct ? 0 : 1;
				const pos = at[g]!++;
				const start = restart[g]!;
				if (start < 0 || pos < start) continue;
				if (pos > start && pos % every === 0) {
					flush(g);
					mark(g, pos / every);
				}
				const scale = unitOf(s, d);
				// Zero vectors (empty texts) are left out, as in semanticDiversity.
				if (scale === 0) continue;
				vectors[g]!.push(s.vector);
				scales[g]!.push(scale);
				units[g]!++;
			}
			for (const g of [0, 1]) {
				flush(g);
				const start = restart[g]!;
				if (start >= 0 && now[g]! > start && now[g]! % every === 0) mark(g, now[g]! / every);
				members[g] = now[g]!;
			}
			const value = (sq: number, m: number): number => (m >= 2 ? 1 - (sq - m) / (m * (m - 1)) : NaN);
			let sqAll = 0;
			let sqC = 0;
			let sqI = 0;
			const c0 = sums[0]!;
			const w0 = sums[1]!;
			for (let i = 0; i < d; i++) {
				const c = c0[i]!;
				const w = w0[i]!;
				sqAll += (c + w) * (c + w);
				sqC += c * c;
				sqI += w * w;
			}
			return [value(sqAll, units[0]! + units[1]!), value(sqC, units[0]!), value(sqI, units[1]!)];
		}
	};
}
