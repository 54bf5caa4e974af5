/** Unique and total n-gram counts of a pooled set of samples, for all / correct / incorrect samples. */
export interface NgramCounts {
	maxN: number;
	/** unique[group * maxN + (n - 1)], group 0 = all, 1 = correct, 2 = incorrect. */
	unique: Float64Array;
	total: Float64Array;
}

/** Work arrays of one call, sized by its token count; reused by later calls that fit. */
interface Work {
	capacity: number;
	/** Per position: local id of its unigram, and of the n-gram starting there at the current level. */
	unigram: Int32Array;
	ids: Int32Array;
	/** Per position: tokens left in its sample from there (so the longest n-gram starting there). */
	rest: Int32Array;
	/** Per position: 1 correct, 2 incorrect, 0 neither (the sample's group). */
	bits: Uint8Array;
	/** Positions whose n-gram is looked up: the level before's list and this one's, in turn. */
	live: Int32Array;
	kept: Int32Array;
	/** Per level id: the groups holding it and its number of occurrences (at two levels in turn). */
	flags: Uint8Array;
	counts: Int32Array;
	later: Int32Array;
	/**
	 * One open-addressing table, four int32 per slot (generation, key a, key b, id) so a probe reads
	 * one cache line: at level 1 token value -> id when tokens are not small ids (b unused), at level
	 * n the pair (id of the (n-1)-gram, unigram id of the last token) -> id. A slot belongs to the
	 * current table only when it carries the current generation, so nothing is cleared between uses.
	 */
	slots: Int32Array;
}

// The counts run for every (model, problem): per-call arrays would make garbage-collection work, not
// counting. Hot loops read these through local constants (a module variable is reloaded on every
// access, which made the loops several times slower).
let work: Work | undefined;
let generation = 0;
/** Direct unigram table for small non-negative tokens (dictionary ids): token -> local id, stamped likewise. */
let direct = new Int32Array(0);
let directGens = new Int32Array(0);
/** Largest token value indexed directly: beyond it (hashes, say), the table in Work. */
const DIRECT_LIMIT = 1 << 22;

function workFor(tokens: number): Work {
	if (work && tokens <= work.capacity) return work;
	const capacity = Math.max(tokens, 2 * (work?.capacity ?? 0), 1024);
	generation = 0;
	directGens.fill(0);
	return (work = {
		capacity,
		unigram: new Int32Array(capacity),
		ids: new Int32Array(capacity),
		rest: new Int32Array(capacity),
		bits: new Uint8Array(capacity),
		live: new Int32Array(capacity),
		kept: new Int32Array(capacity),
		flags: new Uint8Array(capacity),
		counts: new Int32Array(capacity),
		later: new Int32Array(capacity),
		slots: new Int32Array(4 * slotsFor(capacity))
	});
}

/** Table slots for `positions` keys: a power of two at least twice as many (at most half full). */
function slotsFor(positions: number): number {
	let slots = 1;
	while (slots < 2 * positions) slots <<= 1;
	return slots;
}

/** A fresh generation for the next table (every stamp cleared when the counter would overflow). */
function nextGeneration(): number {
	if (++generation > 0x7ffffff0) {
		work?.slots.fill(0);
		directGens.fill(0);
		generation = 1;
	}
	return generation;
}

function ensureDirect(top: number): void {
	if (top < direct.length) return;
	const length = Math.min(DIRECT_LIMIT, Math.max(top + 1, 2 * direct.length, 1 << 12));
	direct = new Int32Array(length);
	directGens = new Int32Array(length);
}

function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	return h;
}

/**
 * The id of the pair (a, b) in this generation's table, counted once more in `counts`; a pair not
 * yet in it gets the next id, `fresh`, with its count and flags started.
 */
function pairId(slots: Int32Array, wrap: number, gen: number, a: number, b: number, counts: Int32Array, flags: Uint8Array, fresh: number): number {
	let slot = (mix(Math.imul(a, 0x9e3779b1) ^ b) & wrap) << 2;
	while (slots[slot] === gen && (slots[slot + 1] !== a || slots[slot + 2] !== b)) slot = (slot + 4) & (wrap << 2);
	if (slots[slot] === gen) {
		const id = slots[slot + 3]!;
		counts[id]!++;
		return id;
	}
	slots[slot] = gen;
	slots[slot + 1] = a;
	slots[slot + 2] = b;
	slots[slot + 3] = fresh;
	flags[fresh] = 0;
	counts[fresh] = 1;
	return fresh;
}

/** Adds the level ids 0..count-1 to unique[n - 1] (all, correct, incorrect). */
function tally(flags: Uint8Array, unique: Float64Array, maxN: number, n: number, count: number): void {
	let correct = 0;
	let incorrect = 0;
	for (let id = 0; id < count; id++) {
		const f = flags[id]!;
		correct += f & 1;
		incorrect += f >> 1;
	}
	unique[n - 1]! += count;
	unique[maxN + n - 1]! += correct;
	unique[2 * maxN + n - 1]! += incorrect;
}

/**
 * Counts n-grams (n = 1..maxN) of each sample's tokens, pooled over samples, exactly: two n-grams
 * are the same when their token values are equal, never because their hashes are. Level 1 gives each
 * distinct token a local id (an array indexed by the token when tokens are small non-negative ids, as
 * a TokenDictionary gives them, else an exact table on the token value); level n gives each distinct pair
 * (id of the (n-1)-gram at i, id of the token at i + n - 1) a new id, looked up in one open-addressing
 * table on both integers, so every count is of distinct integer pairs. A position whose
 * n-gram occurs once leaves the work: its longer n-grams are unique too and are counted without a
 * look-up (in varied text most bigrams are unique, so orders 3..5 cost little).
 * groups[i] is 1 when sample i is correct, 2 when incorrect, 0 when neither; every sample belongs to
 * "all".
 */
export function ngramCounts(samples: readonly Int32Array[], groups: Uint8Array, maxN = 5): NgramCounts {
	const unique = new Float64Array(3 * maxN);
	const total = new Float64Array(3 * maxN);
	let size = 0;
	let low = 0;
	let high = 0;
	for (let s = 0; s < samples.length; s++) {
		const tokens = samples[s];
		const len = tokens?.length ?? 0;
		for (let i = 0; i < len; i++) {
			const t = tokens![i]!;
			if (t < low) low = t;
			else if (t > high) high = t;
		}
		const g = groups[s] ?? 0;
		const bit = g === 1 || g === 2 ? g : 0;
		size += len;
		for (let n = 1; n <= maxN && n <= len; n++) {
			total[n - 1]! += len - n + 1;
			if (bit) total[bit * maxN + n - 1]! += len - n + 1;
		}
	}
	if (size === 0 || maxN < 1) return { maxN, unique, total };
	const w = workFor(size);
	const { unigram, ids, rest, bits, live, kept, flags, counts, later, slots } = w;
	const byValue = low >= 0 && high < DIRECT_LIMIT;
	if (byValue) ensureDirect(high);
	// This call's tables use the first slots only: a table sized for an earlier, larger call would
	// scatter a small call's probes over megabytes.
	const wrap = slotsFor(size) - 1;
	let gen = nextGeneration();
	const direct_ = direct;
	const directGens_ = directGens;
	// Level 1, recording each position's group and room on the way.
	let count = 0;
	let at = 0;
	for (let s = 0; s < samples.length; s++) {
		const tokens = samples[s];
		if (!tokens) continue;
		const g = groups[s] ?? 0;
		const bit = g === 1 || g === 2 ? g : 0;
		const len = tokens.length;
		for (let i = 0; i < len; i++, at++) {
			const t = tokens[i]!;
			let id: number;
			if (byValue) {
				if (directGens_[t] === gen) {
					id = direct_[t]!;
					counts[id]!++;
				} else {
					directGens_[t] = gen;
					direct_[t] = id = count;
					flags[count] = 0;
					counts[count++] = 1;
				}
			} else {
				id = pairId(slots, wrap, gen, t, 0, counts, flags, count);
				if (id === count) count++;
			}
			unigram[at] = id;
			bits[at] = bit;
			rest[at] = len - i;
			flags[id] = flags[id]! | bit;
		}
	}
	tally(flags, unique, maxN, 1, count);
	// Occurrences per id at the level before (prev) and at this one (now), swapped level by level.
	let prev = counts;
	let now = later;
	// The positions of the level before, in text order (undefined: every position), and their number.
	let from: Int32Array | undefined;
	let length = size;
	for (let n = 2; n <= maxN && length > 0; n++) {
		// A position whose (n-1)-gram occurs once leaves the work: every longer n-gram starting there
		// is unique too and counts once at each order without a look-up. Every other position with
		// room for an n-gram gets the id of its pair (id of its (n-1)-gram, unigram id of the
		// n-gram's last token): equal pairs, equal n-grams, so every count is of distinct integer
		// pairs. Positions stay in text order, so the reads of ids and unigram stream; only the
		// table is probed at random.
		const prefix = n === 2 ? unigram : ids;
		const to = from === live ? kept : live;
		gen = nextGeneration();
		count = 0;
		let placed = 0;
		for (let k = 0; k < length; k++) {
			const i = from ? from[k]! : k;
			const a = prefix[i]!;
			const room = rest[i]!;
			if (prev[a] === 1) {
				const top = Math.min(maxN, room);
				const bit = bits[i]!;
				for (let m = n; m <= top; m++) {
					unique[m - 1]!++;
					if (bit) unique[bit * maxN + m - 1]!++;
				}
				continue;
			}
			if (room < n) continue;
			const id = pairId(slots, wrap, gen, a, unigram[i + n - 1]!, now, flags, count);
			if (id === count) count++;
			ids[i] = id;
			flags[id] = flags[id]! | bits[i]!;
			to[placed++] = i;
		}
		tally(flags, unique, maxN, n, count);
		const done = prev;
		prev = now;
		now = done;
		from = to;
		length = placed;
	}
	return { maxN, unique, total };
}
