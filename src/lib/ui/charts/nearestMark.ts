// The pointer's mark is the one whose centre is nearest (a Delaunay search), not the one drawn on
// top: where markers overlap, a click on M2's centre opens M2 even when A5's marker covers it.
import { Delaunay } from 'd3';

export interface NearestMarks<T> {
	/**
	 * The mark nearest to (x, y) within `radius`, or undefined. `under` is the mark element the
	 * pointer is on, if any: it wins ties (several marks at the same centre), so every mark drawn on
	 * top can be clicked as itself.
	 */
	find(x: number, y: number, under?: T): T | undefined;
	/** The other marks drawn at (about) the same centre as `mark`. */
	sameCentre(mark: T): T[];
	/** Whether `mark` is one of these marks (a mark kept from an earlier layout is not). */
	has(mark: T): boolean;
}

export function nearestMarks<T>(marks: readonly T[], at: (mark: T) => readonly [number, number], radius = 24): NearestMarks<T> {
	const centres = marks.map((m) => [...at(m)] as [number, number]);
	const delaunay = Delaunay.from(centres);
	const all = new Set(marks);
	const dist = (m: T, x: number, y: number) => {
		const [mx, my] = at(m);
		return Math.hypot(mx - x, my - y);
	};
	return {
		find(x, y, under) {
			if (!marks.length) return undefined;
			const best = marks[delaunay.find(x, y)]!;
			const d = dist(best, x, y);
			if (under !== undefined && dist(under, x, y) <= d + 0.5) return under;
			return d <= radius ? best : undefined;
		},
		sameCentre(mark) {
			const [x, y] = at(mark);
			return marks.filter((m) => m !== mark && dist(m, x, y) < 1);
		},
		has: (mark) => all.has(mark)
	};
}
