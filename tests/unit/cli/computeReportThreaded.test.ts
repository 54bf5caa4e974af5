import { describe, expect, it } from 'vitest';
import { computeReport, groupJobs, groupStats, tidyRows, toCsv } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { computeReportThreaded } from '../../../tools/cli/computeReportThreaded';

// Texts of different lengths, a greedy output per group, a replaced sample and a group with only a
// greedy output: the cases where a split of the groups could go wrong.
const bundle = syntheticBundle({ models: 3, problems: 24, n: 6, words: 40, seed: 5 });
const first = bundle.samples.find((s) => s.index === 2)!;
bundle.samples.push({ ...first, text: `${first.text} again`, correct: !first.correct });
bundle.samples = bundle.samples.filter((s) => !(s.model === 'M2' && s.problem === 'syn-3' && s.index >= 0));

const bytes = (r: unknown) => JSON.stringify(r, null, 2);

describe('computeReportThreaded(bundle, options, threads)', () => {
	it('computeReportThreaded gives the single-threaded report byte for byte with 2 and 3 threads', async () => {
		const single = computeReport(bundle, { bootstrap: 300 });
		for (const threads of [2, 3]) {
			const multi = await computeReportThreaded(bundle, { bootstrap: 300 }, threads);
			expect(bytes(multi)).toBe(bytes(single));
			expect(toCsv(tidyRows(multi))).toBe(toCsv(tidyRows(single)));
		}
	}, 60_000);

	it('groupJobs splits the groups into contiguous parts that cover each group once', () => {
		const { ks, parts } = groupJobs(bundle, 3);
		expect(ks).toEqual([1, 2, 4, 6]);
		expect(parts).toHaveLength(3);
		const keys = parts.flat().map((j) => j.model * 1000 + j.problem);
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		expect(new Set(keys).size).toBe(3 * 24);
		expect(parts.every((p) => p.length > 0)).toBe(true);
		// The replaced sample keeps one slot, with the later text.
		const job = parts.flat().find((j) => j.model === 0 && j.problem === 0)!;
		expect(job.sampled.filter((s) => s.index === 2).map((s) => s.text)).toEqual([`${first.text} again`]);
	});

	it('groupStats of the parts, computed in any order, are the statistics of the whole (reused buffers leak nothing)', () => {
		const { ks, parts } = groupJobs(bundle, 3);
		const whole = groupStats(groupJobs(bundle, 1).parts[0]!, ks, 32000);
		const backwards = [...parts].reverse().map((p) => groupStats(p, ks, 32000));
		const pieces = backwards.reverse().flat();
		expect(pieces).toEqual(whole);
		expect(whole.some((s) => s.n === 0 && s.greedy >= 0)).toBe(true);
	});
});
