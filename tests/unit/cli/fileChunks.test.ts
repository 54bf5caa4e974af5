import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks, openWithHead } from '../../../tools/cli/fileChunks';

const dir = mkdtempSync(join(tmpdir(), 'rl-chunks-'));

/** The text fileChunks gives for these bytes, the first `head` of them read as the head. */
function text(bytes: Uint8Array | string, head: number): string {
	const path = join(dir, 'f.txt');
	writeFileSync(path, bytes);
	const file = openWithHead(path, head);
	try {
		return [...fileChunks(file.fd, file.head)].join('');
	} finally {
		file.close();
	}
}

describe('fileChunks(fd, head)', () => {
	it('fileChunks gives ASCII text as is, whatever the cut', () => {
		expect(text('{"a":1}\n{"b":2}\n', 5)).toBe('{"a":1}\n{"b":2}\n');
	});

	it('fileChunks drops a byte-order mark only at the start of the text', () => {
		expect(text('\ufeff{"a":1}\n', 6)).toBe('{"a":1}\n');
		// After ASCII chunks the decoder starts mid-text: a U+FEFF there is a character of the text.
		expect(text('{"a":1}\n\ufeff{"b":2}\n', 8)).toBe('{"a":1}\n\ufeff{"b":2}\n');
	});

	it('fileChunks joins a character cut between chunks, after ASCII chunks or not', () => {
		const bytes = new TextEncoder().encode('ab\u00e9cd\u20ac\n');
		for (const head of [1, 2, 3, 4, 6]) expect(text(bytes, head)).toBe('ab\u00e9cd\u20ac\n');
	});

	it('fileChunks refuses bytes that are not UTF-8, in the head or after ASCII chunks', () => {
		expect(() => text(Uint8Array.of(0x61, 0xff, 0x62), 2)).toThrow(/not UTF-8/);
		expect(() => text(Uint8Array.of(0x61, 0x62, 0xc3), 2)).toThrow(/not UTF-8/);
	});
});
