/**
 * Characters that change how text around them reads without being seen: bidi embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069), the direction marks (U+200E, U+200F,
 * U+061C) and the zero-width ones (U+200B-U+200D, U+2060, U+FEFF, U+180E).
 */
export const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u180E]/g;

/**
 * A name or an id with every invisible format character shown as `<U+202E>`, so "M1<U+202E>" can
 * never pass for "M1", and text after a right-to-left override is not reordered.
 */
export function markInvisible(text: string): string {
	return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
