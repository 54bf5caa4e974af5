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
	// Open addressing, slot k = [prefix entry (-1 for a unigram), token, entry + 1 (0: empty)].
	let slots = new Int32Array(3 * 64);
	let mask = 63;
	// Per entry: the groups holding it, bit 1 correct, bit 2 incorrect.
	let held = new Uint8Array(32);
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
			for (let i = 0; i < len; i++) {
				let parent = -1;
				const top = Math.min(maxN, len - i);
				for (let n = 1; n <= top; n++) {
					const t = tokens[i + n - 1]!;
					// Locals: closure variables are reloaded on every access.
					let tab = slots;
					let k = slotOf(parent, t, mask);
					let s = tab[3 * k + 2]!;
					while (s !== 0 && (tab[3 * k] !== parent || tab[3 * k + 1] !== t)) {
						k = (k + 1) & mask;
						s = tab[3 * k + 2]!;
					}
					let id: number;
					if (s !== 0) {
						id = s - 1;
						const h = held[id]!;
						if (bit && (h & bit) === 0) {
							held[id] = h | bit;
							unique[bit * maxN + n - 1]!++;
						}
					} else {
						id = size++;
						if (id === held.length) {
							const more = new Uint8Array(2 * held.length);
							more.set(held);
							held = more;
						}
						held[id] = bit;
						unique[n - 1]!++;
						if (bit) unique[bit * maxN + n - 1]!++;
						// At most 3/4 full: grow first, then find the new entry's slot in the new table.
						if (4 * size > 3 * (mask + 1)) {
							grow();
							tab = slots;
							k = slotOf(parent, t, mask);
							while (tab[3 * k + 2] !== 0) k = (k + 1) & mask;
						}
						tab[3 * k] = parent;
						tab[3 * k + 1] = t;
						tab[3 * k + 2] = id + 1;
					}
					parent = id;
				}
			}
		}
	};
}
