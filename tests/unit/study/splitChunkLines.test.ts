import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitChunkLines } from '../../../src/lib/core/study';
import { splitLines } from '../../../src/lib/core/study/splitLines';

/** The text cut at the given points (sorted, deduplicated), as a reader's chunks. */
function cut(text: string, at: number[]): string[] {
	const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
	const out: string[] = [];
	let from = 0;
	for (const p of points) {
		out.push(text.slice(from, p));
		from = p;
	}
	out.push(text.slice(from));
	return out;
}

describe('splitChunkLines(chunks, maxChars)', () => {
	it('splitChunkLines gives the lines of splitLines on the whole text, however the text is cut', () => {
		const piece = fc.constantFrom('\n', '\r\n', '\r', 'a', '{"x":1}', 'é', '\ufeff', ' ', 'abcdefgh');
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 8 }), fc.integer({ min: 0, max: 9 }), (parts, at, max) => {
				const text = parts.join('');
				expect([...splitChunkLines(cut(text, at), max)]).toEqual([...splitLines(text, max)]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('splitChunkLines numbers an empty last line and drops a leading BOM', () => {
		expect([...splitChunkLines(['\ufeffa\r', '\nb\n'], 10)].map((l) => [l.number, l.text])).toEqual([
			[1, 'a'],
			[2, 'b'],
			[3, '']
		]);
	});
});
