import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, createReportBuilder, distinctN, lookupEmbedder, type ModelReport } from '../../../src/lib/core/metrics';
import { mulberry32 } from '../../../src/lib/core/random';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { assertInDelta } from '../asserts';
import { bundle, problem, sample } from './fixtures';

// Two models, three problems, n = 4 plus greedy; every value below is computed by hand.
const problems = [problem('p1', 'in-domain', 1), problem('p2', 'in-domain', 2), problem('p3', 'ood', 2)];
const answers: Record<string, Record<string, [string | null, (string | null)[]]>> = {
	M1: { p1: ['1', ['1', '1', '2', '3']], p2: ['2', ['2', '2', '1', null]], p3: ['9', ['4', '5', '6', '7']] },
	M2: { p1: ['1', ['1', '1', '1', '1']], p2: ['1', ['1', '1', '2', '2']], p3: ['9', ['5', '5', '5', '5']] }
};
const samples = Object.entries(answers).flatMap(([m, byProblem]) =>
	Object.entries(byProblem).flatMap(([p, [greedy, sampled]]) => [
		sample(m, p, -1, greedy),
		...sampled.map((a, i) => sample(m, p, i, a, `Sample ${i} of ${m} on ${p} says ${a ?? 'nothing'} ${'word '.repeat(i)}`))
	])
);
const small = bundle(['M1', 'M2'], problems, samples, 4);
const report = computeReport(small, { bootstrap: 200 });
const [m1, m2] = report.models as [ModelReport, ModelReport];
const curveValue = (points: { k: number; value: number | undefined }[], k: number): number | undefined => points.find((p) => p.k === k)?.value;

describe('computeReport on a hand-computed bundle', () => {
	it('computeReport(bundle) gives pass@1 greedy and sampled, and coverage = mean c/n', () => {
		expect(report.ks).toEqual([1, 2, 4]);
		expect(report.solvedRule).toBe('greedy');
		assertInDelta(m1.accuracy.pass1Greedy.value, 1 / 3);
		assertInDelta(m2.accuracy.pass1Greedy.value, 2 / 3);
		assertInDelta(m1.accuracy.pass1Sampled.value, 0.25);
		assertInDelta(m1.coverage.value, 0.25);
		assertInDelta(m2.coverage.value, 0.5);
	});
	it('computeReport(bundle) gives pass@k and maj@k curves', () => {
		assertInDelta(curveValue(m1.accuracy.passAtK, 1), 0.25);
		assertInDelta(curveValue(m1.accuracy.passAtK, 2), (5 / 6 + 1 / 2 + 0) / 3);
		assertInDelta(curveValue(m1.accuracy.passAtK, 4), 2 / 3);
		assertInDelta(curveValue(m1.accuracy.majAtK, 1), 1 / 3);
		assertInDelta(curveValue(m1.accuracy.majAtK, 4), 1 / 3);
		assertInDelta(curveValue(m2.accuracy.majAtK, 2), 2 / 3);
		assertInDelta(curveValue(m2.accuracy.majAtK, 4), (1 + 0.5 + 0) / 3);
	});
	it('computeReport(bundle) gives the improvement and regression sets and the reference reach', () => {
		expect(m1.sets).toBeUndefined();
		expect(m2.sets?.improved).toEqual(['p2']);
		expect(m2.sets?.regressed).toEqual([]);
		expect(m2.sets?.referencePassAtKOnImproved.map((p) => p.value)).toEqual([0.25, 0.5, 1]);
		assertInDelta(m2.sets?.withinReferenceReach.value, 1);
	});
	it('computeReport(bundle) gives answer diversity and entropy per problem, averaged', () => {
		assertInDelta(m1.answerDiversity.distinctRatio.value, (3 / 4 + 3 / 4 + 1) / 3);
		assertInDelta(m1.answerDiversity.entropy.value, (1.5 + 1.5 + 2) / 3);
		assertInDelta(m2.answerDiversity.distinctRatio.value, (1 / 4 + 2 / 4 + 1 / 4) / 3);
		assertInDelta(m2.answerDiversity.entropy.value, 1 / 3);
	});
	it('computeReport(bundle) gives per-split and per-level accuracy and group disparity', () => {
		assertInDelta(m1.bySplit['in-domain']?.pass1Greedy.value, 1 / 2);
		assertInDelta(m1.bySplit['in-domain']?.pass1Sampled.value, 0.375);
		assertInDelta(m1.bySplit.ood?.pass1Greedy.value, 0);
		expect(m1.byLevel.map((l) => [l.level, l.accuracy.value])).toEqual([[1, 1], [2, 0]]);
		assertInDelta(m1.groupDisparity.value, 1);
		assertInDelta(m2.groupDisparity.value, 0.5);
		expect([m2.groupDisparity.easiestLevel, m2.groupDisparity.hardestLevel]).toEqual([1, 2]);
	});
	it('computeReport(bundle) skips and counts problems with fewer than 2 samples in a subset', () => {
		expect([m1.diversity.all.skipped, m1.diversity.correct.skipped, m1.diversity.incorrect.skipped]).toEqual([0, 2, 0]);
		expect([m2.diversity.correct.skipped, m2.diversity.incorrect.skipped]).toEqual([1, 1]);
		expect(m1.diversity.correct.distinctN.problems).toBe(1);
	});
	it('computeReport(bundle) gives Distinct-n as the per-problem distinctN averaged over problems', () => {
		const perProblem = ['p1', 'p2', 'p3'].map((p) => distinctN(small.samples.filter((s) => s.model === 'M1' && s.problem === p && s.index >= 0).map((s) => s.text))!);
		assertInDelta(m1.diversity.all.distinctN.value, perProblem.reduce((a, b) => a + b, 0) / 3);
	});
	it('computeReport(bundle) names the embedder honestly and returns no NaN anywhere', () => {
		expect(report.embedder).toBe('hashed n-gram cosine (offline fallback)');
		expect(JSON.stringify(report)).not.toMatch(/NaN|null/);
	});
});

describe('computeReport with a precomputed embedder', () => {
	it('computeReport(bundle, { embedder: lookupEmbedder(...) }) uses and names the given vectors', () => {
		const texts = [...new Set(small.samples.filter((x) => x.index >= 0).map((x) => x.text))];
		// Every text its own axis: all pairs orthogonal, so semantic diversity is 1 wherever defined.
		const vectors = new Map(texts.map((t, i) => [t, Float32Array.from({ length: texts.length }, (_, j) => (i === j ? 1 : 0))]));
		const r = computeReport(small, { bootstrap: 0, embedder: lookupEmbedder('test vectors', vectors) });
		expect(r.embedder).toBe('test vectors');
		assertInDelta(r.models[0]!.diversity.all.semantic.value, 1);
		assertInDelta(r.models[0]!.diversity.incorrect.semantic.value, 1);
		expect(r.models[0]!.diversity.correct.semantic.problems).toBe(1);
	});
});

describe('computeReport exclusions and warnings', () => {
	it('computeReport(bundle) excludes and counts problems with fewer than k samples, never as failures', () => {
		// M2 has only 2 samples on p3: pass@4 is over p1, p2 only.
		const short = bundle(['M1', 'M2'], problems, samples.filter((s) => !(s.model === 'M2' && s.problem === 'p3' && s.index >= 2)), 4);
		const r = computeReport(short, { bootstrap: 0 });
		const at4 = r.models[1]!.accuracy.passAtK.find((p) => p.k === 4)!;
		expect(at4.excluded).toBe(1);
		expect(at4.problems).toBe(2);
		assertInDelta(at4.value, (1 + 1) / 2);
		expect(r.models[1]!.accuracy.passAtK.find((p) => p.k === 2)!.excluded).toBe(0);
		expect(r.warnings.join('\n')).toMatch(/M2: 1 problem\(s\) have fewer than 4 samples/);
		expect(r.warnings.join('\n')).toMatch(/bootstrap = 0/);
	});
	it('computeReport(bundle) gives undefined, never 0, for a model without samples', () => {
		const r = computeReport(bundle(['M1', 'M2', 'M3'], problems, samples, 4), { bootstrap: 0 });
		const m3 = r.models[2]!;
		expect(m3.problems).toBe(0);
		expect(m3.accuracy.pass1Greedy.value).toBeUndefined();
		expect(m3.coverage.value).toBeUndefined();
		expect(m3.groupDisparity.value).toBeUndefined();
		expect(r.warnings.join('\n')).toMatch(/M3 has no samples yet/);
	});
	it('computeReport(bundle) uses maj@n for "solved" and sampled pass@1 as headline without greedy outputs', () => {
		const r = computeReport(bundle(['M1', 'M2'], problems, samples.filter((s) => s.index >= 0), 4, false), { bootstrap: 0 });
		expect(r.solvedRule).toBe('maj@n');
		// maj@4: M1 solves p1 only; M2 p1 (1) and p2 (tie 0.5 >= 0.5).
		expect(r.models[1]!.sets?.improved).toEqual(['p2']);
		expect(r.models[1]!.verdict?.headline.label).toBe('pass@1 (sampled)');
	});
	it('createReportBuilder(study).add(samples) names the sample with an unknown problem or model', () => {
		const b = createReportBuilder({ ...small, samples: [] });
		expect(() => b.add([sample('M1', 'nope', 0, '1')])).toThrow(/samples\[0\] \(model 'M1', problem 'nope', index 0\): unknown problem/);
		expect(() => b.add([sample('M1', 'p1', 0, '1'), sample('X', 'p1', 0, '1')])).toThrow(/samples\[1\].*unknown model/);
		expect(() => computeReport(small, { reference: 'M9' })).toThrow(/options.reference should be one of/);
	});
});

describe('createReportBuilder', () => {
	it('createReportBuilder(...).report() equals computeReport(bundle) whatever the batches and their order', () => {
		const big = syntheticBundle({ models: 3, problems: 40, n: 8, words: 40, seed: 5 });
		const options = { bootstrap: 300 };
		const full = computeReport(big, options);
		const builder = createReportBuilder({ ...big, samples: [] }, options);
		const random = mulberry32(3);
		const shuffled = [...big.samples].sort(() => random() - 0.5);
		for (let i = 0; i < shuffled.length; i += 97) {
			builder.add(shuffled.slice(i, i + 97));
			if (i % 970 === 0) builder.report();
		}
		expect(builder.sampleCount).toBe(big.samples.length);
		expect(builder.report()).toEqual(full);
		expect(JSON.stringify(builder.report())).toBe(JSON.stringify(full));
	});
	it('createReportBuilder(...).report() stays equal to computeReport when the hardest level and k values change between reports', () => {
		const big = syntheticBundle({ models: 2, problems: 30, n: 6, words: 30, seed: 8 });
		const level = new Map(big.problems.map((p) => [p.id, p.level ?? 0]));
		// Easy problems first, and short runs first: the hardest level and n grow as samples arrive.
		const ordered = [...big.samples].sort((a, b) => level.get(a.problem)! - level.get(b.problem)! || a.index - b.index);
		const builder = createReportBuilder({ ...big, study: { ...big.study, sampling: { ...big.study.sampling, n: 2 } }, samples: [] }, { bootstrap: 200 });
		for (let i = 0; i < ordered.length; i += 40) {
			builder.add(ordered.slice(i, i + 40));
			builder.report();
		}
		const full = computeReport({ ...big, study: { ...big.study, sampling: { ...big.study.sampling, n: 2 } } }, { bootstrap: 200 });
		expect(builder.report()).toEqual(full);
		expect(full.ks).toEqual([1, 2, 4, 6]);
	});
	it('computeReport(bundle, { bootstrapSeed }) repeats exactly for a seed and moves with another', () => {
		const a = computeReport(small, { bootstrap: 300, bootstrapSeed: 1 });
		expect(computeReport(small, { bootstrap: 300, bootstrapSeed: 1 })).toEqual(a);
		const b = computeReport(small, { bootstrap: 300, bootstrapSeed: 2 });
		expect(b.models[1]!.verdict!.headline.difference.ci).not.toEqual(a.models[1]!.verdict!.headline.difference.ci);
		expect(b.models[1]!.accuracy.pass1Greedy.value).toBe(a.models[1]!.accuracy.pass1Greedy.value);
	});
	it('createReportBuilder(...) folding random batches (with replaced samples) gives exactly computeReport of the final samples', () => {
		const big = syntheticBundle({ models: 3, problems: 12, n: 6, words: 25, seed: 4 });
		const options = { bootstrap: 120 };
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }), (seed, sizes) => {
				const random = mulberry32(seed);
				// Every sample once in a random order, and a few sampled outputs sent twice: first with
				// other text and answer (replaced later), or again unchanged after their first arrival.
				const stream = [...big.samples].sort(() => random() - 0.5);
				for (let r = 0; r < 6; r++) {
					const s = big.samples[Math.floor(random() * big.samples.length)]!;
					if (s.index < 0) continue;
					const at = Math.floor(random() * stream.indexOf(s));
					stream.splice(at, 0, { ...s, text: `${s.text} again and again`, answer: 'other', correct: !s.correct });
					stream.splice(stream.indexOf(s) + 1 + Math.floor(random() * 3), 0, s);
				}
				const builder = createReportBuilder({ ...big, samples: [] }, options);
				let at = 0;
				for (let b = 0; at < stream.length; b++) {
					const size = sizes[b % sizes.length]!;
					builder.add(stream.slice(at, at + size));
					at += size;
					if (b % 2 === 0) builder.report();
				}
				expect(builder.sampleCount).toBe(big.samples.length);
				expect(JSON.stringify(builder.report())).toBe(JSON.stringify(computeReport(big, options)));
			}),
			{ numRuns: 12 }
		);
	});
	it('createReportBuilder(...) folding samples spread over every problem into a large-n study (checkpointed semantic sums, shared bootstrap counts) gives exactly computeReport', () => {
		// n = 40: a problem's groups pass the semantic sums' checkpoints (every 16 members), and a
		// problem that reaches n moves pass@40, maj@40 and the solvable sets from no value to one.
		const big = syntheticBundle({ models: 2, problems: 6, n: 40, words: 12, seed: 9 });
		const options = { bootstrap: 60 };
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 40 }), (seed, size) => {
				const random = mulberry32(seed);
				const stream = [...big.samples].sort(() => random() - 0.5);
				// A few sampled outputs arrive first with other text and correctness, then are replaced.
				for (let r = 0; r < 4; r++) {
					const s = stream[Math.floor(random() * stream.length)]!;
					if (s.index >= 0) stream.unshift({ ...s, text: `${s.text} once more`, correct: !s.correct, answer: 'other' });
				}
				const builder = createReportBuilder({ ...big, samples: stream.slice(0, 200) }, options);
				builder.report();
				for (let at = 200; at < stream.length; at += size) {
					builder.add(stream.slice(at, at + size));
					builder.report();
				}
				expect(JSON.stringify(builder.report())).toBe(JSON.stringify(computeReport(big, options)));
			}),
			{ numRuns: 6 }
		);
	});
	it('createReportBuilder(...).add(sample) replaces a sample with the same key', () => {
		const builder = createReportBuilder(small, { bootstrap: 0 });
		builder.add([sample('M1', 'p3', 0, '1')]);
		expect(builder.sampleCount).toBe(small.samples.length);
		assertInDelta(builder.report().models[0]!.accuracy.pass1Sampled.value, (0.5 + 0.25 + 0.25) / 3);
	});
});
