import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isStudyError, MAX_FILE_BYTES, StudyError, textOfBytes, type TextOfBytesOptions } from '../../../src/lib/core/study';
import { nodeGunzip } from '../../../tools/cli/readInput';

const text = '{"model":"M1","problem_id":"p1","sample_index":0,"text":"#### 12"}\n'.repeat(2000);

async function refusal(bytes: Uint8Array, options?: TextOfBytesOptions): Promise<StudyError> {
	try {
		await textOfBytes(bytes, options);
	} catch (e) {
		if (isStudyError(e)) return e;
		throw e;
	}
	throw new Error('expected textOfBytes to refuse the bytes');
}

/** A gzip stream of `size` zero bytes, compressed as it is made (1 GB is about 1 MB of gzip). */
async function zerosGzip(size: number): Promise<Uint8Array> {
	const gz = createGzip({ level: 1 });
	const parts: Buffer[] = [];
	gz.on('data', (b: Buffer) => parts.push(b));
	const block = Buffer.alloc(1 << 20);
	for (let left = size; left > 0; left -= block.length) {
		if (!gz.write(left >= block.length ? block : block.subarray(0, left))) await new Promise((r) => gz.once('drain', r));
	}
	await new Promise((r) => gz.end(r));
	return new Uint8Array(Buffer.concat(parts));
}

describe('textOfBytes(bytes, { maxBytes, gunzip })', () => {
	it('textOfBytes reads plain text and gzip, several members too', async () => {
		const enc = new TextEncoder().encode(text);
		expect(await textOfBytes(enc)).toBe(text);
		expect(await textOfBytes(gzipSync(enc))).toBe(text);
		expect(await textOfBytes(Buffer.concat([gzipSync(enc), gzipSync(enc)]))).toBe(text + text);
	});

	it('textOfBytes refuses a gzip whose length trailer is wrong (as a file over 4 GiB has it, mod 2^32)', async () => {
		const gz = gzipSync(text);
		// ISIZE, the last 4 bytes: what fflate sized its output from, cutting the file short.
		gz.writeUInt32LE(gz.readUInt32LE(gz.length - 4) - 1000, gz.length - 4);
		const e = await refusal(gz);
		expect(e.code).toBe('damaged-gzip');
		expect(e.message).toMatch(/^damaged gzip after \d+ bytes of output \(incorrect length check\); `gzip -t` checks a file/);
	});

	it('textOfBytes refuses a gzip with a wrong CRC-32, a truncated one and junk after the data', async () => {
		const gz = gzipSync(text);
		const crc = Buffer.from(gz);
		crc[crc.length - 8]! ^= 1;
		expect((await refusal(crc)).message).toContain('incorrect data check');
		expect((await refusal(gz.subarray(0, gz.length - 20))).code).toBe('damaged-gzip');
		expect((await refusal(Buffer.concat([gz, Buffer.from('not gzip')]))).code).toBe('damaged-gzip');
	});

	it('textOfBytes stops a gzip bomb at the cap: over MAX_FILE_BYTES (400 MB) refused in seconds, its output never kept', async () => {
		expect(MAX_FILE_BYTES).toBe(400_000_000);
		const bomb = await zerosGzip(600_000_000);
		expect(bomb.length).toBeLessThan(3_000_000);
		for (const [name, gunzip] of [['DecompressionStream', undefined], ["the CLI's zlib", nodeGunzip]] as const) {
			const t0 = performance.now();
			const e = await refusal(bomb, gunzip ? { gunzip } : {});
			const ms = performance.now() - t0;
			expect(e.code).toBe('too-large');
			expect(e.message).toBe('too large (over 400 MB after decompression); split the study or filter it before opening it');
			// 1.3 s (zlib) and 3.8 s (DecompressionStream) on the 2-core machine at load 11; generous for CI.
			expect(ms, name).toBeLessThan(20_000);
			console.log(`${name}: 600 MB bomb refused in ${ms.toFixed(0)} ms`);
		}
	}, 120_000);

	it('textOfBytes with the CLI zlib refuses a wrong length trailer too', async () => {
		const gz = gzipSync(text);
		gz.writeUInt32LE(gz.readUInt32LE(gz.length - 4) + 1, gz.length - 4);
		expect((await refusal(gz, { gunzip: nodeGunzip })).message).toContain('incorrect length check');
	});

	it('textOfBytes caps plain bytes and inflated bytes alike', async () => {
		expect((await refusal(new Uint8Array(1001), { maxBytes: 1000 })).message).toBe('too large (over 0.001 MB); split the study or filter it before opening it');
		expect((await refusal(gzipSync(Buffer.alloc(5000)), { maxBytes: 1000 })).code).toBe('too-large');
		expect(await textOfBytes(gzipSync(Buffer.alloc(1000, 0x61)), { maxBytes: 1000 })).toBe('a'.repeat(1000));
	});

	it('textOfBytes refuses bytes that are not UTF-8', async () => {
		expect((await refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x81]))).code).toBe('not-text');
	});
});
