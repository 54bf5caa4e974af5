// Layout of the two-set diagram of solvable problems: two overlapping circles, the reference on
// the left and model t on the right; the three regions (only the reference, both, only t) are
// paths that each open their problems, with their counts; "neither" is written below.

import { frame, r, type Frame } from './scales';

export type TwoSetRegion = 'onlyReference' | 'both' | 'onlyModel';

export interface TwoSetInput {
	referenceLabel: string;
	modelLabel: string;
	referenceOrder: number;
	modelOrder: number;
	counts: Record<TwoSetRegion, number>;
	neither: number;
}

export interface TwoSetRegionLayout {
	id: TwoSetRegion;
	path: string;
	/** Where the count is written. */
	x: number;
	y: number;
	count: number;
}

export interface TwoSetLayout {
	frame: Frame;
	regions: TwoSetRegionLayout[];
	circles: { cx: number; cy: number; radius: number; label: string; labelX: number; order: number }[];
	neither: { x: number; y: number; count: number };
}

export function layoutTwoSets(input: TwoSetInput, width = 560, height = 280): TwoSetLayout {
	const f = frame(width, height, { left: 16, top: 28, right: 16, bottom: 36 });
	const radius = 0.92 * Math.min((f.bottom - f.top) / 2, (f.right - f.left) / 3.2);
	const cy = (f.top + f.bottom) / 2;
	const mid = (f.left + f.right) / 2;
	// Centres 1.2 radii apart: a lens wide enough to hold its count.
	const d = radius * 1.2;
	const c1 = mid - d / 2;
	const c2 = mid + d / 2;
	const h = Math.sqrt(radius * radius - (d / 2) * (d / 2));
	const top = `${r(mid)},${r(cy - h)}`;
	const bottom = `${r(mid)},${r(cy + h)}`;
	const R = r(radius);
	// SVG arcs between the two intersection points: sweep 1 is clockwise on screen.
	const paths: Record<TwoSetRegion, string> = {
		onlyReference: `M${top}A${R},${R} 0 1 0 ${bottom}A${R},${R} 0 0 1 ${top}Z`,
		both: `M${top}A${R},${R} 0 0 0 ${bottom}A${R},${R} 0 0 0 ${top}Z`,
		onlyModel: `M${top}A${R},${R} 0 1 1 ${bottom}A${R},${R} 0 0 0 ${top}Z`
	};
	const centres: Record<TwoSetRegion, number> = { onlyReference: (c1 - radius + (c2 - radius)) / 2, both: mid, onlyModel: (c1 + radius + (c2 + radius)) / 2 };
	return {
		frame: f,
		regions: (['onlyReference', 'both', 'onlyModel'] as const).map((id) => ({ id, path: paths[id], x: r(centres[id]), y: r(cy), count: input.counts[id] })),
		circles: [
			{ cx: r(c1), cy: r(cy), radius: R, label: input.referenceLabel, labelX: r(c1 - radius * 0.35), order: input.referenceOrder },
			{ cx: r(c2), cy: r(cy), radius: R, label: input.modelLabel, labelX: r(c2 + radius * 0.35), order: input.modelOrder }
		],
		neither: { x: r(mid), y: r(f.bottom + 24), count: input.neither }
	};
}
