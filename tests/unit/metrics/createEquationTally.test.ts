import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEquationTally } from '../../../src/lib/core/metrics';

describe('createEquationTally', () => {
	it('createEquationTally().add(equations, group), in any order, counts distinct / all equations per group like sets over the samples', () => {
		const samples = fc.array(fc.record({ equations: fc.array(fc.constantFrom('1+1=2', '2*3=6', '48/2=24', '5-1=4'), { maxLength: 5 }), group: fc.integer({ min: 0, max: 2 }) }), { maxLength: 10 });
		fc.assert(
			fc.property(samples, (pool) => {
				const tally = createEquationTally();
				for (const s of [...pool].reverse()) tally.add(s.equations, s.group);
				[0, 1, 2].forEach((g) => {
					const members = pool.filter((s) => g === 0 || s.group === g);
					expect(tally.distinct[g]).toBe(new Set(members.flatMap((s) => s.equations)).size);
					expect(tally.total[g]).toBe(members.reduce((n, s) => n + s.equations.length, 0));
				});
			}),
			{ numRuns: 200 }
		);
	});
});
