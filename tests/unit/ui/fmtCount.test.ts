import { describe, expect, it } from 'vitest';
import { fmtCount } from '../../../src/lib/core/format';

describe('fmtCount', () => {
	it('fmtCount says one without an s and the rest with one, grouped', () => {
		expect(fmtCount(1, 'step')).toBe('1 step');
		expect(fmtCount(0, 'step')).toBe('0 steps');
		expect(fmtCount(1200, 'kept sample')).toBe('1,200 kept samples');
	});
});
