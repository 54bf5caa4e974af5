import { describe, expect, it } from 'vitest';
import type { Estimate, Interval, Signal, VerdictKind } from '../../../src/lib/core/metrics/reportTypes';
import { demoChains, iterationSeries, type StoryModel, type StoryReport } from '../../../src/lib/ui/demo/iterationSeries';
import { storySummary } from '../../../src/lib/ui/demo/storySummary';

// Small synthetic reports, built by hand: only the fields the story reads.
const est = (value: number | undefined, ci?: Interval): Estimate => ({ value, ...(ci ? { ci } : {}), problems: value === undefined ? 0 : 40 });
const sig = (id: Signal['id'], label: string, delta: number, ci: Interval, badDirection: 'down' | 'up' = 'down'): Signal => ({
	id,
	label,
	difference: { delta, ci, problems: 40 },
	fired: badDirection === 'down' ? ci.high < 0 : ci.low > 0,
	badDirection,
	minEffect: 0.02
});

interface Figures {
	pass1: number;
	passN: number;
	distinct: number;
	ood: number;
	hard: number;
}

function model(i: number, f: Figures | undefined, verdict?: { kind: VerdictKind; head: Signal; signals: Signal[] }): StoryModel {
	const v = (x: number | undefined) => est(x, x === undefined ? undefined : { low: x - 0.05, high: x + 0.05 });
	const block = (x: number | undefined, n: number | undefined) => ({
		pass1Greedy: v(x),
		pass1Sampled: v(x),
		passAtK: [{ k: 1, ...v(x), excluded: 0 }, { k: 8, ...v(n), excluded: 0 }],
		majAtK: []
	});
	const div = (x: number | undefined) => ({ distinctN: v(x), ead: v(x), semantic: v(x), equations: v(x), skipped: 0 });
	return {
		model: `m${i}`,
		label: `M${i}`,
		order: i - 1,
		problems: f ? 40 : 0,
		accuracy: block(f?.pass1, f?.passN),
		bySplit: { 'in-domain': block(f?.pass1, f?.passN), ood: block(f?.ood, undefined) },
		byLevel: [
			{ level: 1, accuracy: v(f ? 0.9 : undefined) },
			{ level: 5, accuracy: v(f?.hard) }
		],
		diversity: { all: div(f?.distinct), correct: div(f?.distinct), incorrect: div(f?.distinct) },
		...(verdict ? { verdict: { model: `m${i}`, reference: 'm1', kind: verdict.kind, headline: verdict.head, signals: verdict.signals, summary: '' } } : {})
	};
}

const report = (models: StoryModel[]): StoryReport => ({
	reference: 'm1',
	ks: [1, 8],
	options: { verdictDiversitySubset: 'correct' } as StoryReport['options'],
	models
});
const M1: Figures = { pass1: 0.4, passN: 0.8, distinct: 0.5, ood: 0.2, hard: 0.1 };

describe('storySummary', () => {
	it('a clear interval over too few problems, or under the minimum effect, is not told as a move', () => {
		const hard = { ...sig('hardestLevel', 'level 5 pass@1 (greedy)', 1, { low: 1, high: 1 }), difference: { delta: 1, ci: { low: 1, high: 1 }, problems: 1 } };
		const ood = { ...sig('ood', 'OOD pass@1 (greedy)', -0.01, { low: -0.015, high: -0.005 }), minEffect: 0.02 };
		const r = report([
			model(1, M1),
			model(2, { ...M1, ood: 0.19, hard: 1 }, { kind: 'inconclusive', head: sig('pass1', 'pass@1 (greedy)', 0, { low: -0.1, high: 0.1 }, 'up'), signals: [hard, ood] })
		]);
		const s = storySummary(r, demoChains(r)[0]!);
		const level = s.changes.find((c) => c.id === 'hardestPass1')!;
		expect(level.direction).toBe('flat');
		expect(level.text).toContain('on one problem both have, too few to tell');
		const o = s.changes.find((c) => c.id === 'oodPass1')!;
		expect(o.direction).toBe('flat');
		expect(o.text).toContain('is clear, but the change is under the 2.0 pts that counts');
	});

	it('storySummary says reversal when pass@1 rises and pass@n falls significantly', () => {
		const r = report([
			model(1, M1),
			model(2, { ...M1, pass1: 0.45 }),
			model(3, { pass1: 0.55, passN: 0.6, distinct: 0.5, ood: 0.2, hard: 0.1 }, {
				kind: 'reversal',
				head: sig('pass1', 'pass@1 (greedy)', 0.15, { low: 0.05, high: 0.25 }, 'up'),
				signals: [sig('passAtN', 'pass@8', -0.2, { low: -0.3, high: -0.1 }), sig('ood', 'OOD pass@1 (greedy)', 0, { low: -0.05, high: 0.05 })]
			})
		]);
		const [chain] = demoChains(r);
		const s = storySummary(r, chain!);
		expect(s.state).toBe('changed');
		expect(s.verdict).toBe('reversal');
		expect(s.lead).toBe('From M1 to M3, pass@1 (greedy) rose while pass@8 fell.');
		expect(s.verdictText).toContain('self-improvement reversal');
		expect(s.verdictText).toContain('the regression signal pass@8 fired');
		const passN = s.changes.find((c) => c.id === 'passN')!;
		expect(passN.text).toBe('pass@8 fell from 80.0% to 60.0% (−20.0 points; 95% interval −30.0 to −10.0).');
		expect(s.changes.find((c) => c.id === 'oodPass1')!.direction).toBe('flat');
		expect(s.link?.filter.models).toEqual(['m1', 'm3']);
	});

	it('storySummary says no change when every interval includes 0', () => {
		const flat = (id: Signal['id'], label: string) => sig(id, label, 0, { low: -0.05, high: 0.05 });
		const r = report([
			model(1, M1),
			model(2, M1, { kind: 'inconclusive', head: flat('pass1', 'pass@1 (greedy)'), signals: [flat('passAtN', 'pass@8'), flat('distinctN', 'Distinct-n')] })
		]);
		const s = storySummary(r, demoChains(r)[0]!);
		expect(s.state).toBe('no-change');
		expect(s.lead).toMatch(/^No change: from M1 to M2, no headline measure moved beyond its 95% interval\.$/);
		expect(s.verdictText).toContain('inconclusive');
		expect(s.changes.every((c) => c.direction === 'flat')).toBe(true);
	});

	it('storySummary waits when the report is empty or only the first model has samples', () => {
		const empty = report([model(1, undefined), model(2, undefined)]);
		const s = storySummary(empty, demoChains(empty)[0]!);
		expect(s.state).toBe('waiting');
		expect(s.lead).toContain('Waiting for samples from M1 and M2');
		expect(s.changes).toEqual([]);
		const half = report([model(1, M1), model(2, undefined)]);
		expect(storySummary(half, demoChains(half)[0]!).lead).toContain('Waiting for samples from M2');
		expect(storySummary(report([]), demoChains(report([]))[0]!).state).toBe('waiting');
	});

	it('storySummary stops at the last model with samples and says so', () => {
		const head = sig('pass1', 'pass@1 (greedy)', -0.2, { low: -0.3, high: -0.1 }, 'up');
		const r = report([model(1, M1), model(2, { ...M1, pass1: 0.2 }, { kind: 'regression', head, signals: [] }), model(3, undefined)]);
		const s = storySummary(r, demoChains(r)[0]!);
		expect(s.to?.label).toBe('M2');
		expect(s.partial).toBe(true);
		expect(s.lead).toBe('From M1 to M2 (so far: later models have no samples yet), pass@1 (greedy) fell.');
		expect(s.verdictText).toContain('regression, not a reversal: pass@1 fell');
	});
});

describe('demoChains and iterationSeries', () => {
	const r = report([model(1, M1), model(2, M1), model(3, M1), { ...model(4, M1), model: 'd2', label: 'D2' }, { ...model(5, M1), model: 'a3', label: 'A3' }]);
	const manifest = {
		models: [{ id: 'm1', iteration: 1 }, { id: 'm2', iteration: 2 }, { id: 'm3', iteration: 3 }],
		variants: [
			{ id: 'dpo', label: 'DPO', models: [{ id: 'd2', iteration: 2 }] },
			{ id: 'alt', label: 'Alternating', models: [{ id: 'a3', iteration: 3 }] }
		]
	};

	it('demoChains(report, manifest) keeps variants off the main chain and starts each variant from the main chain', () => {
		const chains = demoChains(r, manifest);
		expect(chains.map((c) => [c.id, c.models.map((m) => `${m.label}@${m.iteration}`)])).toEqual([
			['main', ['M1@1', 'M2@2', 'M3@3']],
			['dpo', ['M1@1', 'D2@2']],
			['alt', ['M1@1', 'M2@2', 'A3@3']]
		]);
	});

	it('demoChains(report) without a manifest is one chain of every model in study order', () => {
		expect(demoChains(r)[0]!.models.map((m) => m.label)).toEqual(['M1', 'M2', 'M3', 'D2', 'A3']);
	});

	it('iterationSeries(report, chain) gives the five headline measures, one point per model', () => {
		const series = iterationSeries(r, demoChains(r, manifest)[0]!);
		expect(series.map((s) => s.label)).toEqual(['pass@1 (greedy)', 'pass@8', 'Distinct-n of correct samples', 'OOD pass@1 (greedy)', 'level 5 pass@1 (greedy)']);
		expect(series[0]!.points.map((p) => p.value)).toEqual([0.4, 0.4, 0.4]);
		expect(series[1]!.points[0]!.ci?.high).toBeCloseTo(0.85, 9);
	});
});
