import { describe, expect, it } from 'vitest';
import { BROWSER_HTTP1_CONNECTIONS, BUILTIN_TWO_LANE_SPEEDUP, BUILTIN_WHOLE_RUN, ENGINE_KINDS, MAX_LANES, browserConcurrencyNote, defaultLanes, laneSpeedup, modelsCost } from '../../../src/lib/engines/registry';
import type { ModelRef } from '../../../src/lib/core/types';

const builtin = (i: number): ModelRef => ({ id: `M${i}`, label: `M${i}`, engine: 'builtin', source: `m${i}.gguf`, order: i });
const facts = { builtinBytes: () => 1000 };

describe('requests in flight from a browser', () => {
	it('notes the browser connection limit only above it, with how many requests wait', () => {
		expect(BROWSER_HTTP1_CONNECTIONS).toBe(6);
		expect([2, 4, 6, Number.NaN].map(browserConcurrencyNote)).toEqual([undefined, undefined, undefined, undefined]);
		expect(browserConcurrencyNote(8)).toMatch(/at most 6 connections .* so 2 of these 8 requests wait in the browser/);
		expect(browserConcurrencyNote(64)).toContain('58 of these 64');
	});

	it('suggests a second request in flight at one, since a one-slot server still runs them in turn', () => {
		expect(browserConcurrencyNote(1)).toMatch(/round trip .* With 2, the next request waits at the server .* one slot still runs them one at a time/);
	});
});

describe('engine registry lanes', () => {
	it('defaultLanes(cores) is one per core, at most two', () => {
		expect([undefined, 0, 1, 2, 3, 16].map((c) => defaultLanes(c))).toEqual([1, 1, 1, 2, 2, 2]);
	});

	it("the built-in kind's lanes: the context's figure within 1..MAX_LANES, else the default", () => {
		const lanes = ENGINE_KINDS.builtin.lanes;
		expect(lanes?.({ lanes: 1 }, builtin(1))).toBe(1);
		expect(lanes?.({ lanes: 0 }, builtin(1))).toBe(1);
		expect(lanes?.({ lanes: 99 }, builtin(1))).toBe(MAX_LANES);
		expect(lanes?.({}, builtin(1))).toBe(defaultLanes());
		expect(ENGINE_KINDS.openai.lanes).toBeUndefined();
	});

	it("the wllama kind runs a model trained in the page in lanes like a built-in one, any other file one at a time", () => {
		const file: ModelRef = { id: 'f', label: 'f', engine: 'wllama', source: 'file:f.gguf', order: 0 };
		const trained = { ...file, training: {} } as unknown as ModelRef;
		expect(ENGINE_KINDS.wllama.lanes?.({ lanes: 2 }, file)).toBe(1);
		expect(ENGINE_KINDS.wllama.lanes?.({ lanes: 2 }, trained)).toBe(2);
		expect(ENGINE_KINDS.wllama.lanes?.({}, trained)).toBe(defaultLanes());
		expect(modelsCost([builtin(1), trained], facts, { lanes: 2 }).lanes).toBe(2);
	});

	it('modelsCost(models, facts, context) counts the lanes into the speed: one lane is the measured single-engine speed', () => {
		const five = [1, 2, 3, 4, 5].map(builtin);
		const one = modelsCost(five, facts, { lanes: 1 });
		expect(one).toEqual({ downloadBytes: 5000, unknownDownloads: 0, tokensPerSecond: BUILTIN_WHOLE_RUN.tokensPerSecond, lanes: 1 });
		const two = modelsCost(five, facts, { lanes: 2 });
		expect(two.lanes).toBe(2);
		expect(two.tokensPerSecond).toBeCloseTo(BUILTIN_WHOLE_RUN.tokensPerSecond * BUILTIN_TWO_LANE_SPEEDUP, 6);
		expect(laneSpeedup(1)).toBe(1);
		// A kind without lanes runs one model at a time: loads do not overlap.
		expect(modelsCost([...five, { ...builtin(6), engine: 'wllama', source: 'file:x' }], facts, { lanes: 2 }).lanes).toBe(1);
	});
});
