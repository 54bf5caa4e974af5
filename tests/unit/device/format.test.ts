import { describe, expect, it } from 'vitest';
import { formatBytes, formatMegabytes } from '../../../src/lib/device/format';

describe('format', () => {
	it.each([
		[0, '0 B'],
		[999, '999 B'],
		[1000, '1 kB'],
		[1234567, '1.2 MB'],
		[278e6, '278 MB'],
		[1.0737e9, '1.1 GB'],
		[15.5e9, '15.5 GB']
	])('formatBytes(%d) is %s', (n, s) => expect(formatBytes(n)).toBe(s));
	it('formatBytes(undefined | NaN | negative) is "unknown", never "NaN"', () => {
		expect(formatBytes(undefined)).toBe('unknown');
		expect(formatBytes(Number.NaN)).toBe('unknown');
		expect(formatBytes(-1)).toBe('unknown');
	});
	it('formatMegabytes(1060.2) is "1,060 MB"', () => {
		expect(formatMegabytes(1060.2)).toBe('1,060 MB');
		expect(formatMegabytes(undefined)).toBe('unknown');
	});
});
