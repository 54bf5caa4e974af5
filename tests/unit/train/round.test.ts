import { describe, expect, it } from 'vitest';
import { stepsAreRight, withColumnWork } from '../../../src/lib/train/digits';
import { selectSamples, type PoolSample } from '../../../src/lib/train/round';

describe('stepsAreRight', () => {
	it('stepsAreRight accepts gold column work and rejects a right answer reached through a wrong step', () => {
		const gold = withColumnWork('18*2=<<18*2=36>>36\n36+4=<<36+4=40>>40\n#### 40');
		expect(stepsAreRight(gold)).toBe(true);
		expect(stepsAreRight(gold.replace('36+4=', '36+5='))).toBe(false);
		// Right result, wrong column work inside << >>.
		expect(stepsAreRight('26+19=<<6+9=15,2+1=3>>45\n#### 45')).toBe(false);
		expect(stepsAreRight('26+19=<<6+9=15,2+1+1=4>>45\n#### 45')).toBe(true);
		// Multipliers of 10 or more keep the plain step.
		expect(stepsAreRight('68*14=<<68*14=952>>952\n#### 952')).toBe(true);
		expect(stepsAreRight('#### 45')).toBe(false);
	});
});

describe('selectSamples', () => {
	const problems = [
		{ id: 'p', question: 'Compute 26 + 19.', answer: '45' },
		{ id: 'q', question: 'Compute 2 + 2.', answer: '4' }
	];
	const s = (problem: string, index: number, text: string, ended = true): PoolSample => ({ problem, index, text, ended });
	const pool = [
		s('p', 1, '26+19=<<6+9=15,2+1=3>>45\n#### 45'),
		s('p', 0, '26+19=<<6+9=15,2+1+1=4>>45\n#### 45'),
		s('p', 2, '26+19=<<6+9=15,2+1+1=4>>45\n#### 45', false),
		s('q', 0, '2+2=<<2+2=5>>5\n#### 5')
	];
	it("selectSamples('answer') keeps every ended sample with the right answer, in sample order", () => {
		const r = selectSamples(problems, pool, 'answer');
		expect(r.stats).toMatchObject({ problems: 2, samples: 4, kept: 2, problemsCovered: 1 });
		expect(r.groups[0]!.correct.length).toBe(2);
		expect(r.groups[1]!.incorrect.length).toBe(1);
	});
	it("selectSamples('steps') also drops a right answer with a wrong step, which becomes a rejected sample", () => {
		const r = selectSamples(problems, pool, 'steps');
		expect(r.stats.kept).toBe(1);
		expect(r.groups[0]!.incorrect.length).toBe(1);
	});
});
