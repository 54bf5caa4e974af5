import { describe, expect, it } from 'vitest';
import { lossLayout } from '../../../src/lib/ui/charts/lossChart';

describe('lossLayout', () => {
	it('lossLayout keeps the step axis at the round length while the curve grows, with whole-step ticks', () => {
		const a = lossLayout([2, 1.5], 30);
		const b = lossLayout([2, 1.5, 1.2, 1.1], 30);
		expect(a.xTicks).toEqual(b.xTicks);
		expect(a.xTicks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
		expect(b.points.map((p) => p.step)).toEqual([1, 2, 3, 4]);
		expect(b.path.split('L').length).toBe(4);
		// Falling loss is drawn falling (SVG y grows downward).
		expect(b.points[3]!.y).toBeGreaterThan(b.points[0]!.y);
	});

	it('lossLayout labels small losses with enough digits to tell the ticks apart, and skips non-finite steps', () => {
		const l = lossLayout([0.004, NaN, 0.002], 3);
		const labels = l.yTicks.map((t) => t.label);
		expect(new Set(labels).size).toBe(labels.length);
		expect(l.points.map((p) => p.step)).toEqual([1, 3]);
	});

	it('lossLayout(losses with NaN for unreported steps) draws each reported loss at its own step, the last at the right edge', () => {
		const l = lossLayout([NaN, NaN, 1.8, NaN, NaN, NaN, 1.1], 7);
		expect(l.points.map((p) => p.step)).toEqual([3, 7]);
		expect(l.points[1]!.x).toBe(l.frame.right);
	});
});
