import type { BootstrapWeights } from './bootstrapWeights';
import { percentileInterval } from './percentileInterval';
import type { Estimate } from './reportTypes';

/** One statistic over the study's problems: its estimate and, with intervals on, its replicate means. */
export interface ColumnResult {
	estimate: Estimate;
	/** Rewritten in place when the column next changes: read it before then. */
	means?: Float64Array;
}

export interface ColumnStore {
	/**
	 * The column `name` of `scope` (a model, or a pair of models) whose value at problem j is
	 * value(j) (NaN = no value). Only the problems in `dirty` are re-evaluated when the column
	 * already exists (all of them when `dirty` is undefined).
	 */
	column(scope: string, name: string, value: (j: number) => number, dirty?: ReadonlySet<number>): ColumnResult;
	/**
	 * A column that is the union of columns of the same scope defined on disjoint problems (e.g. all
	 * problems = in-domain + OOD): its replicate sums are the sums of theirs, at no resampling cost.
	 */
	union(scope: string, name: string, parts: readonly string[]): ColumnResult;
	/**
	 * Drop the columns of these scopes not used since the last sweep: their definition changed (e.g.
	 * another hardest level), and they missed updates while unused, so they must not come back.
	 */
	sweep(scopes: Iterable<string>): void;
	/** Forget every column (when what all columns mean has changed). */
	clear(): void;
}

// Replicate sums are kept in exact integer arithmetic (values as multiples of 2^-30): updating one
// problem's value by its difference gives bit-for-bit the sums of a fresh computation, so an
// incremental report equals a full one. Sums stay below 2^53 for up to ~500,000 problems.
const SCALE = 2 ** 30;
// Multiplying by an exact power of two is exact, as dividing by it is: the same means, one division fewer.
const UNSCALE = 2 ** -30;

/** The changed rows of one column update, in reused buffers: problem, sum and count changes. */
let bases = new Int32Array(64);
let dqs = new Float64Array(64);
let dns = new Float64Array(64);

/** resampleAll's rows of non-zero value. */
let bases2 = new Int32Array(64);
let dqs2 = new Float64Array(64);

function growRows(): void {
	const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
		const more = make(2 * a.length);
		more.set(a);
		return more;
	};
	bases = grow(bases, (n) => new Int32Array(n));
	dqs = grow(dqs, (n) => new Float64Array(n));
	dns = grow(dns, (n) => new Float64Array(n));
	bases2 = new Int32Array(bases.length);
	dqs2 = new Float64Array(bases.length);
}

/**
 * Fills a fresh column's replicate sums from all its values at once and returns its counts. They
 * depend only on which problems have a value: `countsOf` gives them for the `rows` rows just
 * recorded (the same for every column with a value at the same problems).
 */
function resampleAll(values: Float64Array, quantized: Float64Array, sums: Float64Array, weights: BootstrapWeights, countsOf: (values: Float64Array, rows: number) => Float64Array): Float64Array {
	let rows = 0;
	for (let j = 0; j < values.length; j++) {
		const v = values[j]!;
		if (v !== v) continue;
		const q = Math.round(v * SCALE);
		quantized[j] = q;
		if (rows === bases.length) growRows();
		bases[rows] = j;
		dqs[rows] = q;
		dns[rows++] = 1;
	}
	// Rows of value zero add nothing to the sums (accuracy columns are often half zeros): left out
	// of that pass, not of the counts.
	let nonzero = 0;
	for (let r = 0; r < rows; r++) {
		if (dqs[r] === 0) continue;
		bases2[nonzero] = bases[r]!;
		dqs2[nonzero++] = dqs[r]!;
	}
	weights.addRows(sums, bases2, dqs2, nonzero);
	return countsOf(values, rows);
}

/**
 * Moves a column's replicate sums by the rows recorded by updateRow whose sum changes (a value
 * that appears or vanishes as 0 changes only the counts), and returns how many rows change the
 * counts, gathered at the start of bases2 / dqs2 (their count changes) for the caller.
 */
function applyRows(sums: Float64Array, weights: BootstrapWeights, rows: number): number {
	let moved = 0;
	for (let r = 0; r < rows; r++) {
		if (dqs[r] === 0) continue;
		bases2[moved] = bases[r]!;
		dqs2[moved++] = dqs[r]!;
	}
	weights.addRows(sums, bases2, dqs2, moved);
	let flips = 0;
	for (let r = 0; r < rows; r++) {
		if (dns[r] === 0) continue;
		bases2[flips] = bases[r]!;
		dqs2[flips++] = dns[r]!;
	}
	return flips;
}

/**
 * Sets one problem's value; when it changed and the column is resampled, records the row's change
 * of the replicate sums at `at` for applyRows. Returns 0 when unchanged, 1 when changed, 2 when
 * changed and recorded.
 */
function updateRow(values: Float64Array, quantized: Float64Array, resampled: boolean, j: number, v: number, at: number): number {
	const old = values[j]!;
	if (Object.is(old, v) || (old !== old && v !== v)) return 0;
	values[j] = v;
	if (!resampled) return 1;
	const oldQ = quantized[j]!;
	const newQ = v === v ? Math.round(v * SCALE) : NaN;
	quantized[j] = newQ;
	if (at === bases.length) growRows();
	bases[at] = j;
	dqs[at] = (newQ === newQ ? newQ : 0) - (oldQ === oldQ ? oldQ : 0);
	dns[at] = (newQ === newQ ? 1 : 0) - (oldQ === oldQ ? 1 : 0);
	return 2;
}

// The loops over a column's arrays take them as arguments: read through the column object inside
// a loop (a closure's), each element cost a property load, five times the arithmetic (means of 2,000
// replicates: 56 -> 10 microseconds).

function countDefined(values: Float64Array): number {
	let count = 0;
	for (let j = 0; j < values.length; j++) if (values[j] === values[j]) count++;
	return count;
}

/** The sum of the values with a value (NaN = none), in problem order. */
function sumDefined(values: Float64Array): number {
	let sum = 0;
	for (let j = 0; j < values.length; j++) {
		const v = values[j]!;
		if (v === v) sum += v;
	}
	return sum;
}

/** Replicate means from quantized sums (NaN where a replicate drew no problem with a value). */
function meansOf(means: Float64Array, sums: Float64Array, counts: Float64Array): void {
	for (let b = 0; b < means.length; b++) {
		const n = counts[b]!;
		means[b] = n > 0 ? (sums[b]! / n) * UNSCALE : NaN;
	}
}

function copyDefined(target: Float64Array, source: Float64Array): void {
	for (let j = 0; j < source.length; j++) {
		const v = source[j]!;
		if (v === v) target[j] = v;
	}
}

function addInto(target: Float64Array, source: Float64Array): void {
	for (let b = 0; b < target.length; b++) target[b]! += source[b]!;
}

interface Column {
	scope: string;
	used: boolean;
	/** Bumped on every change, so a union knows when to recompute. */
	version: number;
	partVersions?: string;
	values: Float64Array;
	quantized: Float64Array;
	sums?: Float64Array;
	/** Shared with every column whose values exist at the same problems (never written in place). */
	counts?: Float64Array;
	/** The key of that set of problems in countsBySet. */
	pattern?: string;
	/** The replicate means of the last result: one buffer per column, not one per update. */
	means?: Float64Array;
	result?: ColumnResult;
}

/**
 * Columns of per-problem statistics with their problem-level bootstrap, kept between reports: an
 * update touches only the changed problems (B operations each) instead of resampling everything.
 */
export function createColumnStore(problems: number, weights: BootstrapWeights | undefined, confidence: number): ColumnStore {
	const columns = new Map<string, Column>();
	const B = weights?.replicates ?? 0;
	// Per set of problems with a value, the replicates' counts (how many of them each drew): a
	// report's columns share a few such sets (every problem, the problems with 2 correct samples,
	// ...), so a problem that gains a value in many columns at once (its n reached the largest k,
	// say) moves the counts of its set once, not once per column.
	const countsBySet = new Map<string, Float64Array>();
	const mask = new Uint16Array(problems);
	/** The key of the set of problems with a value: '' for all of them, else one character each. */
	const patternOf = (values: Float64Array): string => {
		let all = true;
		for (let j = 0; j < problems; j++) {
			const has = values[j] === values[j];
			mask[j] = has ? 49 : 48;
			all &&= has;
		}
		if (all) return '';
		let key = '';
		// In pieces: fromCharCode takes its characters as arguments.
		for (let j = 0; j < problems; j += 4096) key += String.fromCharCode.apply(null, mask.subarray(j, j + 4096) as unknown as number[]);
		return key;
	};
	const countsOf = (values: Float64Array, rows: number): Float64Array => {
		const key = rows < problems ? patternOf(values) : '';
		let counts = countsBySet.get(key);
		if (!counts) {
			// bases and dns hold the `rows` rows with a value, with count change 1 each.
			counts = new Float64Array(B);
			weights!.addRows(counts, bases, dns, rows);
			countsBySet.set(key, counts);
		}
		return counts;
	};
	/** The counts of a column whose set of problems changed by the `flips` rows gathered by applyRows. */
	const movedCounts = (col: Column, flips: number): void => {
		const key = patternOf(col.values);
		let counts = countsBySet.get(key);
		if (!counts) {
			counts = Float64Array.from(col.counts!);
			weights!.addRows(counts, bases2, dqs2, flips);
			countsBySet.set(key, counts);
		}
		col.counts = counts;
		col.pattern = key;
	};

	function result(col: Column): ColumnResult {
		const count = countDefined(col.values);
		const value = count > 0 ? sumDefined(col.values) / count : undefined;
		if (!col.sums || !col.counts || count === 0) return { estimate: { value, problems: count } };
		const means = (col.means ??= new Float64Array(B));
		meansOf(means, col.sums, col.counts);
		const ci = percentileInterval(means, confidence);
		return { estimate: ci ? { value, ci, problems: count } : { value, problems: count }, means };
	}

	return {
		column(scope, name, value, dirty) {
			const key = `${scope}\u0000${name}`;
			let col = columns.get(key);
			let changed = false;
			if (!col) {
				col = { scope, used: true, version: 0, values: new Float64Array(problems).fill(NaN), quantized: new Float64Array(problems).fill(NaN) };
				if (B > 0) col.sums = new Float64Array(B);
				columns.set(key, col);
				col.used = true;
				for (let j = 0; j < problems; j++) col.values[j] = value(j);
				if (col.sums && weights) {
					col.counts = resampleAll(col.values, col.quantized, col.sums, weights, countsOf);
					col.pattern = patternOf(col.values);
				}
				col.version++;
				col.result = result(col);
				return col.result;
			}
			col.used = true;
			const resampled = col.sums !== undefined && col.counts !== undefined && weights !== undefined;
			const rows = dirty ?? Array.from({ length: problems }, (_, j) => j);
			let recorded = 0;
			for (const j of rows) {
				const done = updateRow(col.values, col.quantized, resampled, j, value(j), recorded);
				if (done > 0) changed = true;
				if (done === 2) recorded++;
			}
			if (recorded > 0) {
				const flips = applyRows(col.sums!, weights!, recorded);
				if (flips > 0) movedCounts(col, flips);
			}
			if (changed || !col.result) {
				col.version++;
				col.result = result(col);
			}
			return col.result;
		},
		union(scope, name, parts) {
			const key = `${scope}\u0000${name}`;
			const sources = parts.map((p) => {
				const c = columns.get(`${scope}\u0000${p}`);
				if (!c) throw new Error(`column store: union ${name} needs column ${p} first`);
				return c;
			});
			const versions = sources.map((c) => c.version).join(',');
			let col = columns.get(key);
			if (col && col.partVersions === versions && col.result) {
				col.used = true;
				return col.result;
			}
			// Recomputed in the buffers of its last version.
			const last = col;
			col = { scope, used: true, version: (last?.version ?? 0) + 1, partVersions: versions, values: last?.values.fill(NaN) ?? new Float64Array(problems).fill(NaN), quantized: new Float64Array(0), means: last?.means };
			for (const c of sources) {
				copyDefined(col.values, c.values);
			}
			if (B > 0) {
				col.sums = last?.sums?.fill(0) ?? new Float64Array(B);
				col.counts = last?.counts?.fill(0) ?? new Float64Array(B);
				for (const c of sources) {
					addInto(col.sums, c.sums!);
					addInto(col.counts, c.counts!);
				}
			}
			col.result = result(col);
			columns.set(key, col);
			return col.result;
		},
		sweep(scopes) {
			const drop = new Set(scopes);
			const patterns = new Set<string>();
			for (const [key, col] of columns) {
				if (drop.has(col.scope) && !col.used) columns.delete(key);
				else if (col.pattern !== undefined) patterns.add(col.pattern);
				col.used = false;
			}
			// Sets of problems no column has any more.
			for (const key of countsBySet.keys()) if (!patterns.has(key)) countsBySet.delete(key);
		},
		clear() {
			columns.clear();
			countsBySet.clear();
		}
	};
}
