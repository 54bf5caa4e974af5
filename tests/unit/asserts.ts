import { expect } from 'vitest';

/** Every float comparison of the unit tests: |actual - expected| <= delta, with undefined only equal to undefined. */
export function assertInDelta(actual: number | undefined, expected: number | undefined, delta = 1e-12): void {
	if (expected === undefined || actual === undefined) {
		expect(actual).toBe(expected);
		return;
	}
	expect(Number.isNaN(actual), `expected ${expected}, got NaN`).toBe(false);
	expect(Math.abs(actual - expected), `expected ${expected} +/- ${delta}, got ${actual}`).toBeLessThanOrEqual(delta);
}
