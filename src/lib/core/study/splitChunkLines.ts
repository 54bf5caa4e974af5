import type { Line } from './splitLines';

/**
 * The lines of a text that arrives in pieces (a file read a megabyte at a time), exactly as
 * splitLines gives them for the whole text: same numbers, \r\n handled, a leading BOM dropped, the
 * last line yielded even when empty, `tooLong` lines reported by length. Only the current line is
 * held, never the whole text.
 */
export function* splitChunkLines(chunks: Iterable<string>, maxChars: number): Generator<Line & { tooLong: boolean; length: number }> {
	let number = 1;
	let carry = '';
	let first = true;
	const emit = (raw: string) => {
		const text = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
		const tooLong = text.length > maxChars;
		return { number: number++, text: tooLong ? '' : text, tooLong, length: text.length };
	};
	for (let chunk of chunks) {
		if (first && chunk.length > 0) {
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
			first = false;
		}
		let start = 0;
		for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
			const piece = chunk.slice(start, end);
			yield emit(carry.length > 0 ? carry + piece : piece);
			carry = '';
			start = end + 1;
		}
		carry += chunk.slice(start);
	}
	yield emit(carry);
}
