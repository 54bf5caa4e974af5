/** Unique and total n-gram counts of a pooled set of samples, for all / correct / incorrect samples. */
export interface NgramCounts {
	maxN: number;
	/** unique[group * maxN + (n - 1)], group 0 = all, 1 = correct, 2 = incorrect. */
	unique: Float64Array;
	total: Float64Array;
}

// One open-addressing table reused across calls: the counts run for every (model, problem), and
// allocating a fresh Set of ~50,000 n-grams each time dominates the cost.
let keysA = new Int32Array(0);
let keysB = new Int32Array(0);
let flags = new Uint8Array(0);

function fmix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * Counts n-grams (n = 1..maxN) of each sample's token hashes, pooled over samples. An n-gram is
 * identified by a 64-bit hash of its tokens and n (two independent 32-bit hashes: a collision is below one in 10^9 per problem).
 * groups[i] is 1 when sample i is correct, 2 when incorrect; every sample belongs to "all".
 */
export function ngramCounts(samples: readonly Int32Array[], groups: Uint8Array, maxN = 5): NgramCounts {
	const unique = new Float64Array(3 * maxN);
	const total = new Float64Array(3 * maxN);
	let size = 0;
	for (const s of samples) size += s.length * maxN;
	let capacity = 16;
	while (capacity < size * 2) capacity *= 2;
	if (flags.length < capacity) {
		keysA = new Int32Array(capacity);
		keysB = new Int32Array(capacity);
		flags = new Uint8Array(capacity);
	}
	// flags bit 4 marks a used slot; bits 1 and 2 the groups that have the n-gram.
	flags.fill(0, 0, capacity);
	const mask = capacity - 1;
	for (let s = 0; s < samples.length; s++) {
		const tokens = samples[s];
		if (!tokens) continue;
		const group = groups[s] ?? 0;
		const bit = group === 1 ? 1 : group === 2 ? 2 : 0;
		const len = tokens.length;
		for (let i = 0; i < len; i++) {
			let h1 = 0x9747b28c;
			let h2 = 0x2b7e1516;
			for (let n = 1; n <= maxN && i + n <= len; n++) {
				const t = tokens[i + n - 1] ?? 0;
				h1 = Math.imul(h1 ^ t, 0x01000193);
				h2 = (Math.imul(h2 ^ t, 0x5bd1e995) + n) | 0;
				const a = fmix(h1 ^ n) | 0;
				let slot = a & mask;
				let f = flags[slot]!;
				while (f !== 0 && (keysA[slot] !== a || keysB[slot] !== h2)) {
					slot = (slot + 1) & mask;
					f = flags[slot]!;
				}
				const idx = n - 1;
				total[idx]!++;
				if (bit) total[bit * maxN + idx]!++;
				if (f === 0) {
					keysA[slot] = a;
					keysB[slot] = h2;
					flags[slot] = 4 | bit;
					unique[idx]!++;
					if (bit) unique[bit * maxN + idx]!++;
				} else if (bit && !(f & bit)) {
					flags[slot] = f | bit;
					unique[bit * maxN + idx]!++;
				}
			}
		}
	}
	return { maxN, unique, total };
}
