import { describe, expect, it } from 'vitest';
import { demoOptions, pass1IntervalPoints } from '../../../src/lib/ui/demo/demoStudy';

describe('demoOptions', () => {
	it('demoOptions(?lanes=) reads the models to run at once; absent, the registry default (undefined)', () => {
		expect(demoOptions(new URLSearchParams('lanes=1')).options.lanes).toBe(1);
		expect(demoOptions(new URLSearchParams('problems=4')).options.lanes).toBeUndefined();
		const bad = demoOptions(new URLSearchParams('lanes=0'));
		expect(bad.options.lanes).toBeUndefined();
		expect(bad.errors).toEqual(['Query parameter "lanes" should be a whole number from 1 to 8; got "0". Using the default.']);
	});
});

describe('pass1IntervalPoints', () => {
	it('is the widest 95% interval on a proportion, in points (2 x 1.96 x 50 / sqrt(n), taken as 200 / sqrt(n))', () => {
		expect([1, 40, 100, 200].map(pass1IntervalPoints)).toEqual([200, 32, 20, 14]);
		for (const n of [10, 40, 200, 1000]) expect(Math.abs(pass1IntervalPoints(n) - (2 * 1.96 * 50) / Math.sqrt(n))).toBeLessThan(0.03 * pass1IntervalPoints(n) + 1);
		expect(pass1IntervalPoints(0)).toBe(200);
	});
});
