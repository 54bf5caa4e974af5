import { describe, expect, it } from 'vitest';
import { answerDiversity, answerSpace, groupDisparity, hashedNgramEmbedder, lookupEmbedder, semanticDiversity } from '../../../src/lib/core/metrics';
import { assertInDelta } from '../asserts';

describe('answer diversity', () => {
	it('answerDiversity(answers) is distinct/n and entropy in bits, "no answer" one outcome', () => {
		const d = answerDiversity(['1', '1', '2', null])!;
		assertInDelta(d.distinctRatio, 3 / 4);
		assertInDelta(d.entropy, 1.5);
		const same = answerDiversity(['7', '7'])!;
		assertInDelta(same.distinctRatio, 1 / 2);
		expect(same.entropy).toBe(0);
		expect(answerDiversity([])).toBeUndefined();
	});
	it('answerSpace(samples, gold) lists answers by mass with the correct one marked, greedy left out', () => {
		const view = answerSpace(
			[
				{ index: -1, answer: '5', correct: false },
				{ index: 0, answer: '4', correct: true },
				{ index: 1, answer: '5', correct: false },
				{ index: 2, answer: '5', correct: false },
				{ index: 3, answer: null, correct: false }
			],
			'4'
		)!;
		expect(view.n).toBe(4);
		expect(view.gold).toBe('4');
		expect(view.answers.map((a) => [a.answer, a.count, a.correct])).toEqual([
			['5', 2, false],
			['4', 1, true],
			[null, 1, false]
		]);
		assertInDelta(view.correctMass, 1 / 4);
		expect(answerSpace([{ index: -1, answer: '1', correct: true }])).toBeUndefined();
	});
});

describe('semantic diversity', () => {
	it('semanticDiversity(vectors) is 1 - mean pairwise cosine', () => {
		assertInDelta(semanticDiversity([Float32Array.of(1, 0), Float32Array.of(0, 2)]), 1);
		assertInDelta(semanticDiversity([Float32Array.of(1, 0), Float32Array.of(3, 0)]), 0);
		assertInDelta(semanticDiversity([Float32Array.of(1, 0), Float32Array.of(0, 1), Float32Array.of(1, 1)]), 1 - Math.SQRT2 / 3, 1e-7);
		expect(semanticDiversity([Float32Array.of(1, 0)])).toBeUndefined();
	});
	it('semanticDiversity(vectors) leaves zero vectors (empty texts) out', () => {
		assertInDelta(semanticDiversity([Float32Array.of(1, 0), Float32Array.of(0, 0), Float32Array.of(1, 0)]), 0);
		expect(semanticDiversity([Float32Array.of(1, 0), Float32Array.of(0, 0)])).toBeUndefined();
	});
	it('hashedNgramEmbedder() is named as the offline fallback and gives identical texts cosine 1', () => {
		const e = hashedNgramEmbedder();
		expect(e.name).toBe('hashed n-gram cosine (offline fallback)');
		const [a, b, c] = e.embed(['the cat sat', 'the cat sat', 'a dog ran far away']);
		assertInDelta(semanticDiversity([a!, b!]), 0, 1e-6);
		expect(semanticDiversity([a!, c!])!).toBeGreaterThan(0.5);
	});
	it('lookupEmbedder(name, vectors) names a text it has no vector for', () => {
		const e = lookupEmbedder('MiniLM', new Map([['a', Float32Array.of(1, 0)]]));
		expect(e.embed(['a'])[0]).toEqual(Float32Array.of(1, 0));
		expect(() => e.embed(['b'])).toThrow(/no precomputed vector.*"b"/);
	});
});

describe('groupDisparity', () => {
	it('groupDisparity(easiest, hardest) is the relative drop, undefined when acc(easiest) = 0', () => {
		assertInDelta(groupDisparity(0.8, 0.2), 0.75);
		expect(groupDisparity(0, 0)).toBeUndefined();
		expect(groupDisparity(undefined, 0.5)).toBeUndefined();
	});
});
