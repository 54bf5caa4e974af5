import { describe, expect, it } from 'vitest';
import { bootstrapWeights } from '../../../src/lib/core/metrics';
import { createColumnStore } from '../../../src/lib/core/metrics/createColumnStore';
import { mulberry32 } from '../../../src/lib/core/random';
import { assertInDelta } from '../asserts';

const P = 40;
const weights = bootstrapWeights(300, P, 5);

describe('createColumnStore', () => {
	it('createColumnStore(...).column(scope, name, value, dirty) after updates equals a fresh column, bit for bit', () => {
		const random = mulberry32(1);
		const values = Array.from({ length: P }, () => (random() < 0.2 ? NaN : random()));
		const updated = createColumnStore(P, weights, 0.95);
		updated.column('m', 'x', (j) => values[j]!);
		for (let round = 0; round < 5; round++) {
			const dirty = new Set<number>();
			for (let i = 0; i < 6; i++) {
				const j = Math.floor(random() * P);
				values[j] = random() < 0.3 ? NaN : random() * 3;
				dirty.add(j);
			}
			updated.column('m', 'x', (j) => values[j]!, dirty);
		}
		const fresh = createColumnStore(P, weights, 0.95).column('m', 'x', (j) => values[j]!);
		expect(updated.column('m', 'x', (j) => values[j]!, new Set())).toEqual(fresh);
		const defined = values.filter((v) => v === v);
		assertInDelta(fresh.estimate.value, defined.reduce((a, b) => a + b, 0) / defined.length);
	});
	it('createColumnStore(...).union(scope, name, parts) equals the column over all problems', () => {
		const store = createColumnStore(P, weights, 0.95);
		const v = (j: number): number => (j * 7) % 5;
		store.column('m', 'even', (j) => (j % 2 === 0 ? v(j) : NaN));
		store.column('m', 'odd', (j) => (j % 2 === 1 ? v(j) : NaN));
		const union = store.union('m', 'all', ['even', 'odd']);
		const direct = createColumnStore(P, weights, 0.95).column('m', 'all', v);
		expect(union.estimate).toEqual(direct.estimate);
		expect(union.means).toEqual(direct.means);
	});
	it('createColumnStore(...).sweep(scopes) drops columns of those scopes not used since the last sweep', () => {
		const store = createColumnStore(P, weights, 0.95);
		let calls = 0;
		const value = (j: number): number => {
			calls++;
			return j;
		};
		store.column('m', 'a', value);
		store.sweep(['m']);
		store.sweep(['m']);
		calls = 0;
		store.column('m', 'a', value, new Set([1]));
		// Swept: rebuilt from every problem, not only the dirty one.
		expect(calls).toBe(P);
	});
});
