import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNgramTable, ngramCounts } from '../../../src/lib/core/metrics';

describe('createNgramTable', () => {
	it('createNgramTable(maxN).add(tokens, group), sample by sample in any order, gives the counts of ngramCounts(samples, groups, maxN)', () => {
		const samples = fc.array(
			fc.record({ tokens: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }).map((a) => Int32Array.from(a)), group: fc.integer({ min: 0, max: 2 }) }),
			{ maxLength: 12 }
		);
		fc.assert(
			fc.property(samples, fc.integer({ min: 1, max: 6 }), fc.integer(), (pool, maxN, seed) => {
				const table = createNgramTable(maxN);
				// Added in a shuffled order, counted in the original one: counts do not depend on order.
				const order = pool.map((_, i) => i).sort((a, b) => ((a * 2654435761) ^ seed) % 7 - ((b * 2654435761) ^ seed) % 7 || a - b);
				for (const i of order) table.add(pool[i]!.tokens, pool[i]!.group);
				const want = ngramCounts(pool.map((s) => s.tokens), Uint8Array.from(pool, (s) => s.group), maxN);
				expect(Array.from(table.unique)).toEqual(Array.from(want.unique));
				expect(Array.from(table.total)).toEqual(Array.from(want.total));
				expect(table.maxN).toBe(maxN);
			}),
			{ numRuns: 300 }
		);
	});

	it('createNgramTable(5) keeps counts exact across its growth and for tokens of any int32 value', () => {
		const pool = Array.from({ length: 30 }, (_, s) => Int32Array.from({ length: 200 }, (_, i) => ((i * 7919 + s * 104729) % 613) * (s % 2 ? -3_500_000 : 1)));
		const groups = Uint8Array.from(pool, (_, s) => 1 + (s % 2));
		const table = createNgramTable(5);
		pool.forEach((tokens, s) => table.add(tokens, groups[s]!));
		const want = ngramCounts(pool, groups, 5);
		expect(Array.from(table.unique)).toEqual(Array.from(want.unique));
		expect(Array.from(table.total)).toEqual(Array.from(want.total));
		expect(table.entries).toBe(want.unique[0]! + want.unique[1]! + want.unique[2]! + want.unique[3]! + want.unique[4]!);
	});
});
