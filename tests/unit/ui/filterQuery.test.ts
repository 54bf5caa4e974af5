import { describe, expect, it } from 'vitest';
import { filterFromQuery, filterToQuery } from '../../../src/lib/ui/samples/filterQuery';

describe('filterToQuery and filterFromQuery', () => {
	it('filterFromQuery(filterToQuery(filter)) gives the filter back', () => {
		const filter = { models: ['m1', 'm5'], problem: 'p 7', correctness: 'correct' as const, set: { model: 'm5', kind: 'regressed' as const }, changed: true, split: 'ood' as const, level: 5 };
		expect(filterFromQuery(new URLSearchParams(filterToQuery(filter, 'why not').toString()))).toEqual({ filter, heading: 'why not' });
	});
	it('filterFromQuery ignores a query without a filter, and unknown values', () => {
		expect(filterFromQuery(new URLSearchParams('demo'))).toBeUndefined();
		expect(filterFromQuery(new URLSearchParams('correctness=maybe&set=lost:m2&level=x&split=moon'))).toBeUndefined();
	});
});
