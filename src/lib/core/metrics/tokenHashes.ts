import { hashString } from '../random';
import { tokenize } from './tokenize';

let scratch = new Int32Array(1024);

/** The final avalanche of a 32-bit hash (murmur3's fmix32); createTokenDictionary hashes the same way. */
export function finish(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h | 0;
}

// ASCII classes: 0 whitespace, 1 letter or digit, 2 any other character (a token of its own).
export const CLASS = new Uint8Array(128).map((_, c) => (c === 32 || (c >= 9 && c <= 13) ? 0 : (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2));
export const LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

function viaTokenize(text: string, allocate: (length: number) => Int32Array): Int32Array {
	const tokens = tokenize(text);
	const out = allocate(tokens.length);
	tokens.forEach((t, i) => (out[i] = hashString(t) | 0));
	return out;
}

function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** tokenize's rule for punctuation inside a word token: '.' or ',' between two digits (3.5, 1,000), for the ASCII scanners. */
export function joinsNumber(text: string, i: number, d: number): boolean {
	return (d === 46 || d === 44) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
}

/**
 * The tokens of tokenize(text) as hashString(token) values (as int32), for the lexical metrics.
 * ASCII text takes a scanner that builds no strings (the bulk of model output); any other text goes
 * through tokenize() itself, so both paths share one definition (a property test checks they agree).
 * `allocate` lets a caller holding many samples place them in large shared buffers.
 */
export function tokenHashes(text: string, allocate: (length: number) => Int32Array = (n) => new Int32Array(n)): Int32Array {
	// Reused across calls: a sample's tokens are copied out once, at the end.
	if (scratch.length < text.length) scratch = new Int32Array(Math.max(text.length, 2 * scratch.length));
	const out = scratch;
	let count = 0;
	let i = 0;
	const len = text.length;
	while (i < len) {
		const c = text.charCodeAt(i);
		const kind = c < 128 ? CLASS[c]! : 3;
		if (kind === 0) {
			i++;
			continue;
		}
		if (kind === 3) return viaTokenize(text, allocate);
		let h = 0x811c9dc5;
		if (kind === 2) {
			out[count++] = finish(Math.imul(h ^ c, 0x01000193));
			i++;
			continue;
		}
		while (i < len) {
			const d = text.charCodeAt(i);
			const k = d < 128 ? CLASS[d]! : 3;
			if (k === 1 || (k === 2 && joinsNumber(text, i, d))) {
				h = Math.imul(h ^ LOWER[d]!, 0x01000193);
				i++;
			} else if (k === 3) return viaTokenize(text, allocate);
			else break;
		}
		out[count++] = finish(h);
	}
	const result = allocate(count);
	result.set(out.subarray(0, count));
	return result;
}
