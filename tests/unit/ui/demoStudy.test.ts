import { describe, expect, it } from 'vitest';
import { demoOptions } from '../../../src/lib/ui/demo/demoStudy';

describe('demoOptions', () => {
	it('demoOptions(?lanes=) reads the models to run at once; absent, the registry default (undefined)', () => {
		expect(demoOptions(new URLSearchParams('lanes=1')).options.lanes).toBe(1);
		expect(demoOptions(new URLSearchParams('problems=4')).options.lanes).toBeUndefined();
		const bad = demoOptions(new URLSearchParams('lanes=0'));
		expect(bad.options.lanes).toBeUndefined();
		expect(bad.errors).toEqual(['Query parameter "lanes" should be a whole number from 1 to 8; got "0". Using the default.']);
	});
});
