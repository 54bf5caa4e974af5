import { describe, expect, it } from 'vitest';
import { columnWork, withColumnWork } from '../../../src/lib/train/digits';
import { generateProblems } from '../../../src/lib/core/problems';

/** Reads the result back off the column work alone, the way the model has to. */
function resultOf(op: string, work: string): number {
	const steps = work.split(',').map((s) => s.split('=')[1]!);
	if (op === '/') return Number(steps.map((s) => s.split('r')[0]).join(''));
	const last = steps[steps.length - 1]!;
	return Number(last + steps.slice(0, -1).reverse().map((s) => s[s.length - 1]).join(''));
}

describe('columnWork', () => {
	it('columnWork writes carries, borrows and long division as the examples in digits.ts show', () => {
		expect(columnWork(58, '+', 27)).toBe('8+7=15,5+2+1=8');
		expect(columnWork(38, '*', 3)).toBe('8*3=24,3*3+2=11');
		expect(columnWork(82, '-', 63)).toBe('12-3=9,8-6-1=1');
		expect(columnWork(38, '/', 2)).toBe('3/2=1r1,18/2=9');
		expect(columnWork(57, '+', 7)).toBe('7+7=14,5+0+1=6');
	});
	it('columnWork leaves what it cannot write column by column to the gold line', () => {
		expect(columnWork(3, '-', 5)).toBeNull();
		expect(columnWork(38, '*', 12)).toBeNull();
		expect(columnWork(38, '/', 3)).toBeNull();
	});
	it('the columns always spell the true result, for every operation up to 999', () => {
		for (let a = 0; a <= 999; a += 7)
			for (let b = 1; b <= 99; b += 3) {
				expect(resultOf('+', columnWork(a, '+', b)!)).toBe(a + b);
				if (a >= b) expect(resultOf('-', columnWork(a, '-', b)!)).toBe(a - b);
				if (b <= 9) expect(resultOf('*', columnWork(a, '*', b)!)).toBe(a * b);
				if (b <= 9 && a % b === 0) expect(resultOf('/', columnWork(a, '/', b)!)).toBe(a / b);
			}
	});
});

describe('withColumnWork', () => {
	it('withColumnWork keeps the narrative and the #### answer of every generated solution', () => {
		for (const p of generateProblems({ seed: 5, count: 400, split: 'both' })) {
			const s = withColumnWork(p.solution);
			expect(s.split('\n').at(-1)).toBe(p.solution.split('\n').at(-1));
			expect(s.replace(/<<[^>]*>>/g, '')).toBe(p.solution.replace(/<<[^>]*>>/g, ''));
		}
		expect(withColumnWork('Tom has 26-7=<<26-7=19>>19 pages.\n#### 19')).toBe('Tom has 26-7=<<16-7=9,2-0-1=1>>19 pages.\n#### 19');
	});
});
