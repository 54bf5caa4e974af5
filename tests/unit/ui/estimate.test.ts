import { describe, expect, it } from 'vitest';
import { BUILTIN_SPEED, estimateCost, formatTime, speedOf } from '../../../src/lib/ui/study/estimate';

const study = (problems: number, n: number, maxTokens = 320) =>
	estimateCost({ models: 5, problems, n, greedy: true, maxTokens, downloadBytes: 0, unknownDownloads: 0, speed: BUILTIN_SPEED });

describe('estimateCost', () => {
	it('estimateCost(built-in speed) brackets the measured default demo on both machines (99.2 s; the same build 2.3x faster elsewhere), likely within 30% here', () => {
		const t = study(40, 8).time!;
		expect(t.low).toBeLessThan(99.2 / 2.3);
		for (const [cost, measured] of [[study(40, 8), 99.2]] as const) {
			const t = cost.time!;
			expect(t.low).toBeLessThan(measured);
			expect(t.high).toBeGreaterThan(measured);
			expect(Math.abs(t.likely - measured) / measured).toBeLessThan(0.3);
			expect(t.low).toBeLessThan(t.likely);
			expect(t.likely).toBeLessThan(t.high);
		}
	});

	it('estimateCost counts the model loads: a tiny study is never "a few seconds" for five models', () => {
		// The case: 38 s measured where the old upper bound said 10 s.
		const t = estimateCost({ models: 5, problems: 10, n: 2, greedy: true, maxTokens: 64, downloadBytes: 0, unknownDownloads: 0, speed: BUILTIN_SPEED }).time!;
		expect(t.low).toBeGreaterThanOrEqual(5 * BUILTIN_SPEED.loadSeconds);
		expect(t.high).toBeGreaterThan(t.likely);
	});

	it('estimateCost(lanes) overlaps the model loads of models that run at once', () => {
		const input = { models: 5, problems: 40, n: 8, greedy: true, maxTokens: 320, downloadBytes: 0, unknownDownloads: 0, speed: BUILTIN_SPEED };
		const one = estimateCost(input).time!;
		const two = estimateCost({ ...input, lanes: 2 }).time!;
		// Five loads one after another against three on the longest lane.
		expect(one.likely - two.likely).toBeCloseTo(2 * BUILTIN_SPEED.loadSeconds, 6);
	});

	it('estimateCost without a speed leaves the time unknown, and says so', () => {
		const c = estimateCost({ models: 1, problems: 10, n: 4, greedy: false, maxTokens: 100, downloadBytes: 0, unknownDownloads: 1 });
		expect(c.samples).toBe(40);
		expect(c.maxTokens).toBe(4000);
		expect(c.time).toBeUndefined();
		expect(formatTime(c.time)).toBe('known after the first samples');
	});

	it('speedOf(progress) takes a run\'s measured tokens per sample; formatTime says it is an estimate with a range', () => {
		const s = speedOf({ tokensPerSecond: 2000, samplesPerSecond: 40 }, BUILTIN_SPEED)!;
		expect(s).toEqual({ tokensPerSecond: 2000, tokensPerSample: 50, loadSeconds: BUILTIN_SPEED.loadSeconds, measured: true });
		expect(speedOf({ tokensPerSecond: 0 }, BUILTIN_SPEED)).toBe(BUILTIN_SPEED);
		expect(speedOf(undefined, undefined)).toBeUndefined();
		const text = formatTime(study(40, 8).time);
		expect(text).toMatch(/^about \d+ (s|min) \(an estimate from the built-in models' speed measured on a 2-core machine: \d+ s to \d+ min/);
	});
});
