import { describe, expect, it } from 'vitest';
import { nearestMarks } from '../../../src/lib/ui/charts/nearestMark';
import { gridMove, type GridPos } from '../../../src/lib/ui/charts/keyNav';

interface Mark {
	id: string;
	x: number;
	y: number;
}
const at = (m: Mark) => [m.x, m.y] as const;
// M2 and A5 overlap (their markers are 9 px wide, 4 px apart); D3 sits exactly on A5.
const m2 = { id: 'M2', x: 100, y: 100 };
const a5 = { id: 'A5', x: 104, y: 100 };
const d3 = { id: 'D3', x: 104, y: 100 };
const far = { id: 'M1', x: 300, y: 50 };

describe('nearestMarks', () => {
	const marks = nearestMarks([m2, a5, d3, far], at);

	it('nearestMarks(...).find(x, y) is the mark whose centre is nearest, whatever is drawn on top', () => {
		expect(marks.find(100, 100)).toBe(m2);
		expect(marks.find(101.5, 101)).toBe(m2);
		// The pointer is on A5's marker (drawn over M2), but nearer M2's centre: M2.
		expect(marks.find(101, 100, a5)).toBe(m2);
		expect(marks.find(103, 100)?.x).toBe(104);
		expect(marks.find(290, 60)).toBe(far);
	});

	it('nearestMarks(...).find(x, y, under) lets the marker under the pointer win a tie of equal centres', () => {
		expect(marks.find(104, 100, d3)).toBe(d3);
		expect(marks.find(104, 100, a5)).toBe(a5);
	});

	it('nearestMarks(...).find(x, y) is undefined far from every mark and on no marks', () => {
		expect(marks.find(200, 300)).toBeUndefined();
		expect(nearestMarks<Mark>([], at).find(0, 0)).toBeUndefined();
	});

	it('nearestMarks(...).sameCentre(mark) lists the marks drawn at the same place', () => {
		expect(marks.sameCentre(a5)).toEqual([d3]);
		expect(marks.sameCentre(m2)).toEqual([]);
		expect(marks.has(m2)).toBe(true);
		expect(marks.has({ ...m2 })).toBe(false);
	});
});

describe('gridMove', () => {
	it('gridMove(arrows) reaches every mark of rows of different lengths from the first key', () => {
		const rows = [3, 0, 5, 1, 4];
		const seen = new Set<string>();
		let pos: GridPos | undefined = gridMove('ArrowRight', undefined, rows);
		for (let r = 0; r < 5 && pos; r++) {
			pos = gridMove('Home', pos, rows)!;
			for (let c = 0; c < 6; c++) {
				seen.add(`${pos.row}|${pos.col}`);
				pos = gridMove('ArrowRight', pos, rows)!;
			}
			pos = gridMove('ArrowDown', pos, rows);
		}
		expect(seen.size).toBe(3 + 5 + 1 + 4);
	});
});
