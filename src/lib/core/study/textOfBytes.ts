import { concatBytes } from './concatBytes';
import { StudyError } from './errors';
import { isGzip } from './isGzip';
import { MAX_FILE_BYTES } from './limits';

/** A gzip inflater as a web stream: bytes in, bytes out. */
export type GunzipStream = ReadableWritablePair<Uint8Array, BufferSource>;

function tooLarge(maxBytes: number, after: string): StudyError {
	return new StudyError('too-large', [{ path: '', message: `too large (over ${maxBytes / 1e6} MB${after}); split the study or filter it before opening it` }]);
}

/**
 * Every gzip member inflated as a stream, stopping as soon as the output passes maxBytes (so a
 * gzip bomb costs at most maxBytes of memory and the time to inflate them). The platform's
 * DecompressionStream (zlib in Node and in browsers) checks each member's CRC-32 and length
 * trailer, so a damaged file or a file over 4 GiB whose trailer holds its length mod 2^32 is
 * refused instead of cut short.
 */
async function gunzipCapped(bytes: Uint8Array, maxBytes: number, gunzip: () => GunzipStream): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(gunzip()).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let part: ReadableStreamReadResult<Uint8Array>;
		try {
			part = await reader.read();
		} catch (e) {
			const reason = e instanceof Error ? e.message : String(e);
			throw new StudyError('damaged-gzip', [
				{ path: '', message: `damaged gzip after ${total} bytes of output (${reason}); \`gzip -t\` checks a file, download or copy it again` }
			]);
		}
		if (part.done) break;
		total += part.value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge(maxBytes, ' after decompression');
		}
		chunks.push(part.value);
	}
	return concatBytes(chunks, total);
}

export interface TextOfBytesOptions {
	/** Most bytes read, before and after decompression (MAX_FILE_BYTES). */
	maxBytes?: number;
	/**
	 * The platform's gzip inflater, checking CRC and length: DecompressionStream('gzip') by
	 * default; the CLI passes Node's zlib with 1 MB chunks, which inflates 400 MB about 3x faster.
	 */
	gunzip?: () => GunzipStream;
}

/**
 * The text of a study file's bytes: gunzipped when they start with the gzip magic (whatever the
 * name says), at most maxBytes before and after decompression, strict UTF-8. The one reader of
 * files for the command line, the report worker and `?bundle=`. Throws a StudyError:
 * 'too-large', 'damaged-gzip' or 'not-text'.
 */
export async function textOfBytes(bytes: Uint8Array, { maxBytes = MAX_FILE_BYTES, gunzip = () => new DecompressionStream('gzip') }: TextOfBytesOptions = {}): Promise<string> {
	if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes, '');
	const data = isGzip(bytes) ? await gunzipCapped(bytes, maxBytes, gunzip) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		throw new StudyError('not-text', [{ path: '', message: 'not UTF-8 text (is it a binary file?)' }]);
	}
}
