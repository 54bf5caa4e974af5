import { describe, expect, it } from 'vitest';
import { computeReport, type SignalId, type Verdict } from '../../../src/lib/core/metrics';
import { mulberry32 } from '../../../src/lib/core/random';
import type { Problem, Sample } from '../../../src/lib/core/types';
import { bundle, problem, sample } from './fixtures';

// 200 problems (every third OOD, levels 1-5), n = 16. The reference R greedily solves half of every
// level; its samples are 4 correct and 12 with one wrong answer, in moderately varied wording.
const N = 16;
const problems: Problem[] = Array.from({ length: 200 }, (_, j) => problem(`p${j}`, j % 3 === 0 ? 'ood' : 'in-domain', 1 + (j % 5)));
const random = mulberry32(99);
const word = (): string => Math.floor(random() * 1e9).toString(36);
const digit = (): number => 1 + Math.floor(random() * 3);
const varied = (a: string | null): string => `${word()} <<${word().length}+${word().length}=${word()}>> ${word()} ${word()} ${word()} ${word()}: ${a}`;
const medium = (a: string | null): string => `We add <<${digit()}+${digit()}=${digit()}>> then ${word()} ${word()} so the answer is ${a}.`;
const fixed = (a: string | null): string => `We add <<2+2=4>> then count the items carefully so the answer is ${a}.`;

const solvedByR = (j: number): boolean => j % 10 < 5;
// Solves everything R does plus 60% of the rest, evenly over levels: pass@1 about +30 points.
const solvedByBetter = (j: number): boolean => solvedByR(j) || Math.floor(j / 10) % 5 < 3;

function model(id: string, greedy: (j: number) => boolean, sampled: (j: number, i: number) => [string, string]): Sample[] {
	return problems.flatMap((p, j) => [
		sample(id, p.id, -1, greedy(j) ? '1' : '0'),
		...Array.from({ length: N }, (_, i) => {
			const [answer, text] = sampled(j, i);
			return sample(id, p.id, i, answer, text);
		})
	]);
}

const R = model('R', solvedByR, (_, i) => (i < 4 ? ['1', medium('1')] : ['w', medium('w')]));

function verdictOf(samples: Sample[], minEffect?: { accuracy?: number; diversity?: number; problems?: number }): Verdict {
	const r = computeReport(bundle(['R', 'T'], problems, [...R, ...samples], N), { bootstrap: 1000, ...(minEffect ? { minEffect: minEffect as never } : {}) });
	return r.models[1]!.verdict!;
}

function fired(v: Verdict): SignalId[] {
	return v.signals.filter((s) => s.fired).map((s) => s.id);
}

describe('practical significance (METRICS.md section 10)', () => {
	it('a clear interval with a change below the minimum effect does not fire, and says so; the headline needs it too', () => {
		const T = model('T', solvedByBetter, (j) => (solvedByBetter(j) ? ['1', fixed('1')] : ['0', fixed('0')]));
		const strict = verdictOf(T, { accuracy: 0.5, diversity: 0.9 });
		// pass@1 rose about 30 points and pass@16 fell about 20, both with clear intervals: below 50 points.
		expect(strict.headline.fired).toBe(false);
		expect(strict.headline.belowMinEffect).toBe(true);
		const passN = strict.signals.find((s) => s.id === 'passAtN')!;
		expect(passN.difference.ci!.high).toBeLessThan(0);
		expect(passN).toMatchObject({ fired: false, belowMinEffect: true, minEffect: 0.5 });
		expect(strict.signals.find((s) => s.id === 'distinctN')).toMatchObject({ fired: false, belowMinEffect: true });
		// Set sizes: one problem as a share of the problems compared.
		const forgetting = strict.signals.find((s) => s.id === 'forgetting')!;
		expect(forgetting.minEffect).toBeCloseTo(1 / forgetting.difference.problems, 12);
		expect(strict.kind).not.toBe('reversal');
		// The defaults (2 points, 0.02) leave the reversal standing.
		expect(verdictOf(T).kind).toBe('reversal');
	});

	it('a bad minimum effect is refused, naming the option', () => {
		expect(() => verdictOf([], { accuracy: -1 })).toThrow('options.minEffect.accuracy should be a non-negative number, got -1');
	});
});

describe('the reversal verdict', () => {
	it('verdict: pass@1 up with pass@16 and diversity down is a reversal', () => {
		// Collapsed: the greedy answer on every sample, all worded the same.
		const T = model('T', solvedByBetter, (j) => (solvedByBetter(j) ? ['1', fixed('1')] : ['0', fixed('0')]));
		const v = verdictOf(T);
		expect(v.kind).toBe('reversal');
		expect(v.headline.fired).toBe(true);
		expect(fired(v)).toEqual(expect.arrayContaining(['passAtN', 'distinctN', 'semantic', 'equations', 'answerDiversity', 'crossover', 'solvableOnlyReference']));
		// T leads at k = 1 (0.8 against 0.25) but R, right 4 times in 16 everywhere, reaches every problem.
		expect(v.signals.find((s) => s.id === 'crossover')!.label).toMatch(/^crossover: leads up to k = \d+, behind from k = \d+ \(pass@16\)$/);
		expect(v.signals.find((s) => s.id === 'passAtN')!.label).toBe('pass@16');
		// Rates of problems in points, diversity ratios as the tables show them (0 to 1).
		expect(v.summary).toMatch(/^pass@1 \(greedy\) \+\d+\.\d points, but pass@16 −\d+\.\d pts, Distinct-n \(correct samples\) −0\.\d{3}, .*: reversal\.$/);
		expect(v.signals.map((s) => s.id)).toEqual(['passAtN', 'distinctN', 'semantic', 'equations', 'answerDiversity', 'ood', 'hardestLevel', 'groupDisparity', 'forgetting', 'crossover', 'solvableOnlyReference']);
	});
	it('verdict: everything up is progress', () => {
		// More correct samples, more varied wording and equations, wrong answers all different.
		const T = model('T', solvedByBetter, (_, i) => (i < 12 ? ['1', varied('1')] : [`v${i}`, varied(`v${i}`)]));
		const v = verdictOf(T);
		expect(fired(v)).toEqual([]);
		expect(v.kind).toBe('progress');
		expect(v.summary).toMatch(/no regression signal fired: progress\.$/);
	});
	it('verdict: noise around zero is inconclusive', () => {
		// The reference's own samples, and greedy outputs that trade 4 problems each way.
		const flip = new Set([0, 10, 20, 30, 5, 15, 25, 35]);
		const T = R.map((s) => {
			const j = Number(s.problem.slice(1));
			if (s.index === -1 && flip.has(j)) return sample('T', s.problem, -1, s.answer === '1' ? '0' : '1');
			return { ...s, model: 'T' };
		});
		const v = verdictOf(T);
		expect(v.kind).toBe('inconclusive');
		expect(v.headline.fired).toBe(false);
		expect(v.summary).toMatch(/interval includes 0.*: inconclusive\.$/);
	});
	it('verdict: with intervals off, no signal fires and each says why', () => {
		const T = model('T', solvedByBetter, (j) => (solvedByBetter(j) ? ['1', fixed('1')] : ['0', fixed('0')]));
		const r = computeReport(bundle(['R', 'T'], problems, [...R, ...T], N), { bootstrap: 0 });
		const v = r.models[1]!.verdict!;
		expect(v.kind).toBe('inconclusive');
		expect(v.signals.every((s) => !s.fired && s.unavailable === 'intervals are off (bootstrap = 0)')).toBe(true);
	});
});
