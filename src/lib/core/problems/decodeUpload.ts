import { UploadError } from './errors';

// Bytes of an uploaded file to text: size-limited, strict UTF-8, failures located by byte and line.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_LINE_CHARS = 1024 * 1024;

export function formatBytes(n: number): string {
	return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

/** Offset of the first byte that is not valid UTF-8 (strict: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i] as number;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		let cp: number;
		if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
		else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
		else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
		else return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += need + 1;
	}
	return undefined;
}

export function decodeUpload(bytes: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): string {
	if (bytes.length > maxBytes)
		throw new UploadError('too-large', `The file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files or keep fewer problems.`);
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	} catch {
		const at = firstInvalidUtf8(bytes) ?? 0;
		let line = 1;
		for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
		throw new UploadError('encoding', `The file is not valid UTF-8: byte ${at} (line ${line}) cannot be decoded. Save the file as UTF-8 and upload it again.`, line);
	}
}
