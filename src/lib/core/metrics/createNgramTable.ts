import type { NgramCounts } from './ngramCounts';

/** The n-gram counts of a growing pool of samples, kept up to date as samples join it. */
export interface NgramTable extends NgramCounts {
	/** Adds one sample's tokens (ids) to the pool: work in proportion to its length, not the pool's. */
	add(tokens: Int32Array, group: number): void;
	/** Distinct n-grams held (all orders): the table's size. */
	readonly entries: number;
}

function slotOf(parent: number, token: number, mask: number): number {
	let h = Math.imul(parent, 0x9e3779b1) ^ token;
	h ^= h >>> 15;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	return h & mask;
}

/** Per position of the sample being added: the entry of its n-gram at the current order (reused). */
let ids = new Int32Array(1024);

/**
 * A live table is cold when a sample arrives (other problems' tables ran since). Read front to back
 * first, its lines stream in through the hardware prefetcher at a fraction of the cost of a miss per
 * look-up; worth it while the table has at most this many cache lines per look-up to come
 * (a 64-sample problem of 120-token texts: 2 here; up to 20 for texts of wide vocabulary).
 */
const WARM_LINES_PER_LOOKUP = 4;
/** Where the warming reads go, so that they are not optimised away. */
let _warmed = 0;

function warm(slots: Int32Array): void {
	let x = 0;
	for (let q = 0; q < slots.length; q += 16) x ^= slots[q]!;
	_warmed ^= x;
}

/**
 * The incremental form of ngramCounts (same unique and total counts for the same samples, whatever
 * the order they were added in). Every distinct n-gram of the pool (n = 1..maxN) has an entry keyed
 * by the exact pair (entry of its (n-1)-gram prefix, id of its last token), so no count depends on a
 * hash; each entry records which groups (1 correct, 2 incorrect) hold it. A sample of length L costs
 * about L * maxN look-ups. Samples can only be added: a pool that loses one is counted afresh.
 */
export function createNgramTable(maxN = 5): NgramTable {
	const unique = new Float64Array(3 * maxN);
	const total = new Float64Array(3 * maxN);
	// Open addressing, slot k = [prefix entry (-1 for a unigram), token, (entry + 1) << 2 | groups
	// holding it (bit 1 correct, bit 2 incorrect); 0: empty]. The groups live in the slot, not in an
	// array by entry: a live table is cold when a sample arrives, and each separate read is a miss.
	let slots = new Int32Array(3 * 64);
	let mask = 63;
	let size = 0;

	function grow(): void {
		const old = slots;
		const oldSlots = old.length / 3;
		slots = new Int32Array(old.length * 2);
		mask = oldSlots * 2 - 1;
		for (let k = 0; k < oldSlots; k++) {
			const id = old[3 * k + 2]!;
			if (id === 0) continue;
			let to = slotOf(old[3 * k]!, old[3 * k + 1]!, mask);
			while (slots[3 * to + 2] !== 0) to = (to + 1) & mask;
			slots[3 * to] = old[3 * k]!;
			slots[3 * to + 1] = old[3 * k + 1]!;
			slots[3 * to + 2] = id;
		}
	}

	return {
		maxN,
		unique,
		total,
		get entries() {
			return size;
		},
		add(tokens, group) {
			const bit = group === 1 || group === 2 ? group : 0;
			const len = tokens.length;
			for (let n = 1; n <= maxN && n <= len; n++) {
				total[n - 1]! += len - n + 1;
				if (bit) total[bit * maxN + n - 1]! += len - n + 1;
			}
			if (ids.length < len) ids = new Int32Array(2 * len);
			if (slots.length <= 16 * WARM_LINES_PER_LOOKUP * len * maxN) warm(slots);
			const at = ids;
			// Order by order, not position by position: the look-ups of one order are independent
			// of each other (the prefix entries come from the previous order), so the processor
			// overlaps their cache misses instead of waiting for each in turn.
			for (let n = 1; n <= maxN && n <= len; n++) {
				const count = len - n + 1;
				const uAll = n - 1;
				const uBit = bit * maxN + n - 1;
				for (let i = 0; i < count; i++) {
					const parent = n === 1 ? -1 : at[i]!;
					const t = tokens[i + n - 1]!;
					// Locals: closure variables are reloaded on every access.
					let tab = slots;
					let k = slotOf(parent, t, mask);
					let s = tab[3 * k + 2]!;
					while (s !== 0 && (tab[3 * k] !== parent || tab[3 * k + 1] !== t)) {
						k = (k + 1) & mask;
						s = tab[3 * k + 2]!;
					}
					if (s !== 0) {
						at[i] = (s >>> 2) - 1;
						if (bit && (s & bit) === 0) {
							tab[3 * k + 2] = s | bit;
							unique[uBit]!++;
						}
						continue;
					}
					const id = size++;
					unique[uAll]!++;
					if (bit) unique[uBit]!++;
					// At most 3/4 full: grow first, then find the new entry's slot in the new table.
					if (4 * size > 3 * (mask + 1)) {
						grow();
						tab = slots;
						k = slotOf(parent, t, mask);
						while (tab[3 * k + 2] !== 0) k = (k + 1) & mask;
					}
					tab[3 * k] = parent;
					tab[3 * k + 1] = t;
					tab[3 * k + 2] = ((id + 1) << 2) | bit;
					at[i] = id;
				}
			}
		}
	};
}
