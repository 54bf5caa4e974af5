import { hashString } from '../random';
import { tokenize } from './tokenize';
import { CLASS as CLASS_TABLE, finish as finishHash, joinsNumber as joinsNumberAt, LOWER as LOWER_TABLE } from './tokenHashes';

// Module-local bindings of the scanner's imports: run through tsx (the CLI, the benches), an
// imported binding is a getter on the other module's exports, called on every read; in the
// per-character loop below those calls cost more than the scan itself.
const CLASS = CLASS_TABLE;
const LOWER = LOWER_TABLE;
const finish = finishHash;
const joinsNumber = joinsNumberAt;

/** Tokens as small integers, for counting n-grams exactly (tokenHashes gives hashes, which may collide). */
export interface TokenDictionary {
	/**
	 * The tokens of tokenize(text) as ids: two ids are equal exactly when their tokens are. When
	 * `hashes` is given (at least text.length long), it also receives tokenHashes(text), token by token.
	 */
	ids(text: string, allocate?: (length: number) => Int32Array, hashes?: Int32Array): Int32Array;
	/** The token of an id. */
	token(id: number): string;
	/** Ids handed out so far: every id is below it. */
	readonly size: number;
}


/** A long token's second key word: above every short token's (< 2^28), so the two kinds never meet. */
const LONG = 0x40000000;

/**
 * A growing dictionary of the shared tokenizer's tokens. A token of at most 8 ASCII characters is
 * keyed by its characters themselves, 7 bits each, with its length (two int32 that encode it
 * exactly); a longer one by its hash and length, then compared character by character with the
 * stored token. So tokens whose hashes collide still get different ids, and the usual look-up reads
 * one table slot. ASCII text is scanned without building strings, as in tokenHashes; other text
 * goes through tokenize() itself.
 */
export function createTokenDictionary(): TokenDictionary {
	let chars = new Uint16Array(1 << 16);
	let used = 0;
	// Per id: [start in chars, length].
	let spans = new Int32Array(1 << 13);
	let size = 0;
	// Open addressing; a slot is [key a, key b, id + 1, unused] (id + 1 = 0: empty).
	let slots = new Int32Array(1 << 15);
	let scratch = new Int32Array(1024);
	// The current token's characters, lower-cased, for comparing and storing.
	let token = new Uint16Array(256);

	const slotOf = (a: number, b: number, wrap: number): number => {
		let h = a ^ Math.imul(b, 0x9e3779b1);
		h ^= h >>> 15;
		h = Math.imul(h, 0x85ebca6b);
		h ^= h >>> 13;
		return (h << 2) & wrap;
	};

	function grow(): void {
		if (2 * size + 2 > spans.length) {
			const more = new Int32Array(spans.length * 2);
			more.set(spans);
			spans = more;
		}
		if (8 * (size + 1) > slots.length) {
			const old = slots;
			slots = new Int32Array(old.length * 2);
			const wrap = slots.length - 4;
			for (let at = 0; at < old.length; at += 4) {
				if (old[at + 2] === 0) continue;
				let to = slotOf(old[at]!, old[at + 1]!, wrap);
				while (slots[to + 2] !== 0) to = (to + 4) & wrap;
				slots[to] = old[at]!;
				slots[to + 1] = old[at + 1]!;
				slots[to + 2] = old[at + 2]!;
			}
		}
	}

	/** The id of token[0, length) under key (a, b), added when new; a long key compares characters. */
	function find(a: number, b: number, length: number): number {
		// Locals: a closure variable is read again on every access.
		const tab = slots;
		const wrap = tab.length - 4;
		let at = slotOf(a, b, wrap);
		for (let s = tab[at + 2]!; s !== 0; at = (at + 4) & wrap, s = tab[at + 2]!) {
			if (tab[at] !== a || tab[at + 1] !== b) continue;
			const id = s - 1;
			if (b < LONG) return id;
			const from = spans[2 * id]!;
			const pool = chars;
			const buf = token;
			let k = 0;
			while (k < length && pool[from + k] === buf[k]) k++;
			if (k === length) return id;
		}
		grow();
		if (used + length > chars.length) {
			const more = new Uint16Array(Math.max(2 * chars.length, used + length));
			more.set(chars);
			chars = more;
		}
		const id = size++;
		chars.set(token.subarray(0, length), used);
		spans[2 * id] = used;
		spans[2 * id + 1] = length;
		used += length;
		const w = slots.length - 4;
		at = slotOf(a, b, w);
		while (slots[at + 2] !== 0) at = (at + 4) & w;
		slots[at] = a;
		slots[at + 1] = b;
		slots[at + 2] = id + 1;
		return id;
	}

	/** The id of token[0, length) with hash h: keyed by its characters when short and ASCII. */
	function idOf(length: number, h: number): number {
		if (length > 8) return find(h, LONG | length, length);
		let a = length << 28;
		let b = 0;
		for (let k = 0; k < length; k++) {
			const c = token[k]!;
			if (c >= 128) return find(h, LONG | length, length);
			if (k < 4) a |= c << (7 * k);
			else b |= c << (7 * (k - 4));
		}
		return find(a, b, length);
	}

	function viaTokenize(text: string, allocate: (length: number) => Int32Array, hashes?: Int32Array): Int32Array {
		const tokens = tokenize(text);
		const out = allocate(tokens.length);
		tokens.forEach((t, i) => {
			if (token.length < t.length) token = new Uint16Array(2 * t.length);
			for (let k = 0; k < t.length; k++) token[k] = t.charCodeAt(k);
			const h = hashString(t) | 0;
			if (hashes) hashes[i] = h;
			out[i] = idOf(t.length, h);
		});
		return out;
	}

	return {
		ids(text, allocate = (n) => new Int32Array(n), hashes) {
			const len = text.length;
			if (scratch.length < len) scratch = new Int32Array(Math.max(len, 2 * scratch.length));
			if (token.length < len) token = new Uint16Array(Math.max(len, 2 * token.length));
			const out = scratch;
			const buf = token;
			let count = 0;
			let i = 0;
			while (i < len) {
				const c = text.charCodeAt(i);
				const kind = c < 128 ? CLASS[c]! : 3;
				if (kind === 0) {
					i++;
					continue;
				}
				if (kind === 3) return viaTokenize(text, allocate, hashes);
				let h = 0x811c9dc5;
				if (kind === 2) {
					h = finish(Math.imul(h ^ c, 0x01000193));
					if (hashes) hashes[count] = h;
					buf[0] = c;
					out[count++] = find((1 << 28) | c, 0, 1);
					i++;
					continue;
				}
				// Short tokens are keyed as they are scanned; buf keeps the characters of long ones.
				let length = 0;
				let a = 0;
				let b = 0;
				while (i < len) {
					const d = text.charCodeAt(i);
					const k = d < 128 ? CLASS[d]! : 3;
					if (k === 1 || (k === 2 && joinsNumber(text, i, d))) {
						const lower = LOWER[d]!;
						if (length < 4) a |= lower << (7 * length);
						else if (length < 8) b |= lower << (7 * (length - 4));
						buf[length++] = lower;
						h = Math.imul(h ^ lower, 0x01000193);
						i++;
					} else if (k === 3) return viaTokenize(text, allocate, hashes);
					else break;
				}
				h = finish(h);
				if (hashes) hashes[count] = h;
				out[count++] = length > 8 ? find(h, LONG | length, length) : find(a | (length << 28), b, length);
			}
			const result = allocate(count);
			result.set(out.subarray(0, count));
			return result;
		},
		token(id) {
			if (!(id >= 0 && id < size)) throw new RangeError(`token dictionary: no id ${id} (size ${size})`);
			return String.fromCharCode(...chars.subarray(spans[2 * id]!, spans[2 * id]! + spans[2 * id + 1]!));
		},
		get size() {
			return size;
		}
	};
}
