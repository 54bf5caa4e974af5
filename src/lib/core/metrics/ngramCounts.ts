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
	/** Positions whose n-gram occurs more than once: this level's list and the next one's. */
	live: Int32Array;
	kept: Int32Array;
	/** Per level id: the groups holding it and its number of occurrences. */
	flags: Uint8Array;
	counts: Int32Array;
	/** Counting sort of positions by prefix id. */
	bucket: Int32Array;
	order: Int32Array;
	/** Per unigram id: the prefix run that last saw it (stamp) and the id it got there. */
	stamp: Int32Array;
	idOf: Int32Array;
	/** Exact unigram table: token value -> local id, slots stamped with the call's generation. */
	keys: Int32Array;
	vals: Int32Array;
	gens: Int32Array;
}

// The counts run for every (model, problem): per-call arrays would make garbage-collection work, not
// counting. Hot loops read these through local constants (a module variable is reloaded on every
// access, which made the loops several times slower).
let work: Work | undefined;
let marker = 0;
let generation = 0;
/** Direct unigram table for small non-negative tokens (dictionary ids): token -> local id, stamped likewise. */
let direct = new Int32Array(0);
let directGens = new Int32Array(0);
/** Largest token value indexed directly: beyond it (hashes, say), the table in Work. */
const DIRECT_LIMIT = 1 << 22;

function workFor(tokens: number): Work {
	if (work && tokens <= work.capacity) return work;
	const capacity = Math.max(tokens, 2 * (work?.capacity ?? 0), 1024);
	let slots = 1;
	while (slots < 2 * capacity) slots <<= 1;
	marker = 0;
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
		bucket: new Int32Array(capacity + 1),
		order: new Int32Array(capacity),
		stamp: new Int32Array(capacity),
		idOf: new Int32Array(capacity),
		keys: new Int32Array(slots),
		vals: new Int32Array(slots),
		gens: new Int32Array(slots)
	});
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
 * Moves the positions of `from` whose n-gram occurs once out of the live list: every longer n-gram
 * starting there is unique as well, so it counts once at each longer order without being looked up.
 * Positions are `from` (all positions when undefined), their ids at this order `of`. Returns the
 * number still live.
 */
function retire(w: Work, from: Int32Array | undefined, length: number, of: Int32Array, to: Int32Array, unique: Float64Array, maxN: number, n: number): number {
	const { counts, rest, bits } = w;
	let left = 0;
	for (let k = 0; k < length; k++) {
		const i = from ? from[k]! : k;
		if (counts[of[i]!]! > 1) {
			to[left++] = i;
			continue;
		}
		const top = Math.min(maxN, rest[i]!);
		const bit = bits[i]!;
		for (let m = n + 1; m <= top; m++) {
			unique[m - 1]!++;
			if (bit) unique[bit * maxN + m - 1]!++;
		}
	}
	return left;
}

/**
 * Counts n-grams (n = 1..maxN) of each sample's tokens, pooled over samples, exactly: two n-grams
 * are the same when their token values are equal, never because their hashes are. Level 1 gives each
 * distinct token a local id (an array indexed by the token when tokens are small non-negative ids, as
 * a TokenDictionary gives them, else an exact table on the token value); level n gives each distinct pair
 * (id of the (n-1)-gram at i, id of the token at i + n - 1) a new id, found by sorting positions by
 * the first and stamping the second, so every count is of distinct integer pairs. A position whose
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
	const { unigram, ids, rest, bits, live, kept, flags, counts, bucket, order, stamp, idOf, keys, vals, gens } = w;
	const byValue = low >= 0 && high < DIRECT_LIMIT;
	if (byValue) ensureDirect(high);
	if (++generation > 0x7ffffff0) {
		gens.fill(0);
		directGens.fill(0);
		generation = 1;
	}
	const gen = generation;
	const direct_ = direct;
	const directGens_ = directGens;
	const wrap = keys.length - 1;
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
				let slot = mix(t) & wrap;
				while (gens[slot] === gen && keys[slot] !== t) slot = (slot + 1) & wrap;
				if (gens[slot] === gen) {
					id = vals[slot]!;
					counts[id]!++;
				} else {
					gens[slot] = gen;
					keys[slot] = t;
					vals[slot] = id = count;
					flags[count] = 0;
					counts[count++] = 1;
				}
			}
			unigram[at] = id;
			bits[at] = bit;
			rest[at] = len - i;
			flags[id] = flags[id]! | bit;
		}
	}
	tally(flags, unique, maxN, 1, count);
	let alive = retire(w, undefined, size, unigram, kept, unique, maxN, 1);
	for (let n = 2; n <= maxN && alive > 0; n++) {
		// The live positions with room for an n-gram, sorted by the id of their (n-1)-gram prefix.
		const prefixes = count;
		const prefix = n === 2 ? unigram : ids;
		bucket.fill(0, 0, prefixes + 1);
		let placed = 0;
		for (let k = 0; k < alive; k++) {
			const i = kept[k]!;
			if (rest[i]! < n) continue;
			bucket[prefix[i]! + 1]!++;
			live[placed++] = i;
		}
		if (placed === 0) break;
		for (let a = 0; a < prefixes; a++) bucket[a + 1]! += bucket[a]!;
		for (let k = 0; k < placed; k++) {
			const i = live[k]!;
			order[bucket[prefix[i]!]!++] = i;
		}
		// bucket[a] now ends prefix a's run; walk the runs, a new id for each new last token.
		if (marker > 0x7ffffff0 - prefixes) {
			stamp.fill(0);
			marker = 0;
		}
		count = 0;
		let from = 0;
		let run = marker;
		for (let a = 0; a < prefixes; a++) {
			const to = bucket[a]!;
			if (to === from) continue;
			const mark = ++run;
			for (let k = from; k < to; k++) {
				const i = order[k]!;
				const b = unigram[i + n - 1]!;
				let id: number;
				if (stamp[b] === mark) {
					id = idOf[b]!;
					counts[id]!++;
				} else {
					stamp[b] = mark;
					idOf[b] = id = count;
					flags[count] = 0;
					counts[count++] = 1;
				}
				ids[i] = id;
				flags[id] = flags[id]! | bits[i]!;
			}
			from = to;
		}
		marker = run;
		tally(flags, unique, maxN, n, count);
		alive = retire(w, live, placed, ids, kept, unique, maxN, n);
	}
	return { maxN, unique, total };
}
