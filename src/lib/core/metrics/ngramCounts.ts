/** Unique and total n-gram counts of a pooled set of samples, for all / correct / incorrect samples. */
export interface NgramCounts {
	maxN: number;
	/** unique[group * maxN + (n - 1)], group 0 = all, 1 = correct, 2 = incorrect. */
	unique: Float64Array;
	total: Float64Array;
}

// One open-addressing table reused across calls (the counts run for every (model, problem), and a
// fresh Set of ~10,000 n-grams each time dominates the cost). A slot is two int32: the first hash
// (0 = empty) and the second hash with its low 2 bits replaced by the groups holding the n-gram.
// Small slots keep the table in the CPU cache, which is what makes this fast.
let table: Int32Array = new Int32Array(1 << 14);
// Slots filled by the current call, so that only they are cleared afterwards (the table can grow
// large for one long problem, and clearing all of it for every problem would cost more).
let touched: Int32Array = new Int32Array(1 << 12);

function fmix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h;
}

/** Doubles the table, re-inserting its slots. */
function grown(old: Int32Array): Int32Array {
	const next = new Int32Array(old.length * 2);
	const wrap = next.length - 1;
	for (let at = 0; at < old.length; at += 2) {
		const a = old[at]!;
		if (a === 0) continue;
		let to = (a << 1) & wrap;
		while (next[to] !== 0) to = (to + 2) & wrap;
		next[to] = a;
		next[to + 1] = old[at + 1]!;
	}
	return next;
}

function grownList(list: Int32Array): Int32Array {
	const next = new Int32Array(list.length * 2);
	next.set(list);
	return next;
}

/** Lists the filled slots of a freshly grown table; returns their number. */
function relist(tab: Int32Array): number {
	let used = 0;
	for (let at = 0; at < tab.length; at += 2) {
		if (tab[at] === 0) continue;
		if (used === touched.length) touched = grownList(touched);
		touched[used++] = at;
	}
	return used;
}

/**
 * Counts n-grams (n = 1..maxN) of each sample's token hashes, pooled over samples. An n-gram is
 * identified by a 62-bit hash of its tokens and n (a collision is below one in 10^9 per problem).
 * groups[i] is 1 when sample i is correct, 2 when incorrect, 0 when neither; every sample belongs to
 * "all".
 */
export function ngramCounts(samples: readonly Int32Array[], groups: Uint8Array, maxN = 5): NgramCounts {
	const unique = new Float64Array(3 * maxN);
	const total = new Float64Array(3 * maxN);
	for (let s = 0; s < samples.length; s++) {
		const len = samples[s]?.length ?? 0;
		const bit = groups[s] ?? 0;
		for (let n = 1; n <= maxN && n <= len; n++) {
			total[n - 1]! += len - n + 1;
			if (bit === 1 || bit === 2) total[bit * maxN + n - 1]! += len - n + 1;
		}
	}
	let tab = table;
	let wrap = tab.length - 1;
	let used = 0;
	for (let s = 0; s < samples.length; s++) {
		const tokens = samples[s];
		if (!tokens) continue;
		const g = groups[s] ?? 0;
		const bit = g === 1 || g === 2 ? g : 0;
		const len = tokens.length;
		for (let i = 0; i < len; i++) {
			let h1 = 0x9747b28c;
			let h2 = 0x2b7e1516;
			const top = Math.min(maxN, len - i);
			for (let n = 1; n <= top; n++) {
				const t = tokens[i + n - 1]!;
				h1 = Math.imul(h1 ^ t, 0x01000193);
				h2 = (Math.imul(h2 ^ t, 0x5bd1e995) + n) | 0;
				const a = fmix(h1 ^ n) || 1;
				const b = h2 & ~3;
				let at = (a << 1) & wrap;
				let found = tab[at]!;
				while (found !== 0 && (found !== a || (tab[at + 1]! & ~3) !== b)) {
					at = (at + 2) & wrap;
					found = tab[at]!;
				}
				if (found === 0) {
					tab[at] = a;
					tab[at + 1] = b | bit;
					unique[n - 1]!++;
					if (bit) unique[bit * maxN + n - 1]!++;
					if (used === touched.length) touched = grownList(touched);
					touched[used++] = at;
					if (used * 2 > tab.length / 2) {
						tab = table = grown(tab);
						wrap = tab.length - 1;
						used = relist(tab);
					}
				} else if (bit && !(tab[at + 1]! & bit)) {
					tab[at + 1] = tab[at + 1]! | bit;
					unique[bit * maxN + n - 1]!++;
				}
			}
		}
	}
	for (let i = 0; i < used; i++) {
		const at = touched[i]!;
		tab[at] = 0;
		tab[at + 1] = 0;
	}
	return { maxN, unique, total };
}
