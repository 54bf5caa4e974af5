/**
 * The one tokenizer of every lexical metric (Distinct-n, EAD, the hashed embedder):
 * - a token is a maximal run of Unicode letters, combining marks and digits, where a '.' or ','
 *   between two digits stays inside (so "1,200.50" and "3.5" are one token each);
 * - every other character that is not whitespace is a token of its own (punctuation, symbols,
 *   so "<<48/2=24>>" gives <, <, 48, /, 2, =, 24, >, >);
 * - tokens are lower-cased.
 * tokenHashes() is the same definition producing 32-bit hashes without building strings.
 */
const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:(?<=\p{N})[.,](?=\p{N})[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(TOKEN_PATTERN)) out.push(m[0].toLowerCase());
	return out;
}
