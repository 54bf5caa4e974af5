import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { StudyError } from '../../src/lib/core/study';

const CHUNK = 4 << 20;

/**
 * A file's text, 4 MB at a time, decoded as strict UTF-8 across chunk boundaries (a character cut
 * in two waits for its other half): the streaming reader of samples JSONL, which never holds the
 * whole file. The first `head` bytes are given back unread (the caller looked at them already).
 */
export function* fileChunks(fd: number, head: Uint8Array): Generator<string> {
	let decoder: TextDecoder | undefined;
	let started = false;
	const decode = (bytes: Uint8Array, stream: boolean): string => {
		try {
			// While every chunk so far is ASCII (the usual JSONL), no character is cut in two and the
			// bytes are the characters: a copy, not a UTF-8 decoding (a third of the reading time).
			if (!decoder && isAscii(bytes)) {
				started ||= bytes.length > 0;
				return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
			}
			// A byte-order mark is dropped only at the very start of the text, as before.
			decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: started });
			return decoder.decode(bytes, { stream });
		} catch {
			throw new StudyError('not-text', [{ path: '', message: 'not UTF-8 text (is it a binary file?)' }]);
		}
	};
	yield decode(head, true);
	const buffer = new Uint8Array(CHUNK);
	for (let position = head.length; ; ) {
		const n = readSync(fd, buffer, 0, CHUNK, position);
		if (n === 0) break;
		position += n;
		yield decode(buffer.subarray(0, n), true);
	}
	yield decode(new Uint8Array(0), false);
}

/** The first bytes of a file, for deciding how to read the rest. */
export function openWithHead(path: string, bytes = CHUNK): { fd: number; head: Uint8Array; close(): void } {
	const fd = openSync(path, 'r');
	const head = new Uint8Array(bytes);
	const n = readSync(fd, head, 0, bytes, 0);
	return { fd, head: n === bytes ? head : head.subarray(0, n), close: () => closeSync(fd) };
}
