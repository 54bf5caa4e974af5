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
	it('createColumnStore(...).column(...) of columns whose values appear and vanish at the same problems (shared counts) equals fresh columns, across sweeps', () => {
		const random = mulberry32(2);
		const present = Array.from({ length: P }, () => random() < 0.7);
		const a = Array.from({ length: P }, () => random());
		const b = Array.from({ length: P }, () => random() * 2);
		const c = Array.from({ length: P }, () => random());
		const store = createColumnStore(P, weights, 0.95);
		// Columns a and b have a value where `present`; c has one everywhere except where a is 0.5 or more.
		const defs: [string, (j: number) => number][] = [
			['a', (j) => (present[j] ? a[j]! : NaN)],
			['b', (j) => (present[j] ? b[j]! : NaN)],
			['c', (j) => (a[j]! < 0.5 ? c[j]! : NaN)]
		];
		for (const [name, f] of defs) store.column('m', name, f);
		for (let round = 0; round < 8; round++) {
			const dirty = new Set<number>();
			for (let i = 0; i < 5; i++) {
				const j = Math.floor(random() * P);
				present[j] = random() < 0.6;
				a[j] = random();
				if (random() < 0.5) b[j] = 0;
				dirty.add(j);
			}
			for (const [name, f] of defs) store.column('m', name, f, dirty);
			store.sweep(['m']);
		}
		const fresh = createColumnStore(P, weights, 0.95);
		for (const [name, f] of defs) expect(store.column('m', name, f, new Set())).toEqual(fresh.column('m', name, f));
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
