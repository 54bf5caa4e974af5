/** One physical line of a text file and its 1-based number. */
export interface Line {
	number: number;
	text: string;
}

/**
 * The lines of a text, lazily (a 50 MB file is never copied into an array of lines). Handles
 * \n and \r\n. `tooLong` lines are reported by length instead of being sliced out whole.
 */
export function* splitLines(text: string, maxChars: number): Generator<Line & { tooLong: boolean; length: number }> {
	let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let number = 1;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		let stop = end;
		if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
		const length = stop - start;
		const tooLong = length > maxChars;
		yield { number, text: tooLong ? '' : text.slice(start, stop), tooLong, length };
		if (end >= text.length) break;
		start = end + 1;
		number++;
	}
}
