import { describe, expect, it } from 'vitest';
import { sampleKey } from '../../src/lib/core/types';

describe('sampleKey', () => {
	it('sampleKey(s) differs when any of model, problem, index differs', () => {
		const a = sampleKey({ model: 'M1', problem: 'p1', index: 0 });
		expect(sampleKey({ model: 'M2', problem: 'p1', index: 0 })).not.toBe(a);
		expect(sampleKey({ model: 'M1', problem: 'p2', index: 0 })).not.toBe(a);
		expect(sampleKey({ model: 'M1', problem: 'p1', index: -1 })).not.toBe(a);
		expect(sampleKey({ model: 'M1', problem: 'p1', index: 0 })).toBe(a);
	});
});
