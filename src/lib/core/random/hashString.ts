/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units, finished with a murmur3 avalanche.
 * Stable across machines and runtimes: seeds derive from it, so it must never change.
 */
export function hashString(text: string, seed = 0x811c9dc5): number {
	let h = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}
