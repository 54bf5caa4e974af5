// A chart's marks behind one tab stop: the chart's group takes the focus, the arrow keys move an
// active mark over rows of marks (series, panels, groups), Home / End jump within the row, Enter or
// Space selects the active mark. The tooltip shows the hovered mark, else the active one.
// With the marks' centres (`at`), the pointer takes the mark whose centre is nearest (nearestMark),
// over the marks and the plot between them, so overlapping markers never steal a neighbour's click.
import type { ChartNav, Tip } from './ChartFrame.svelte';
import { gridMove, type GridPos } from './keyNav';
import { nearestMarks } from './nearestMark';

type PointerHandler = (e: PointerEvent | MouseEvent) => void;

export class RovingMarks<T> {
	active = $state<GridPos | undefined>();
	// Raw: a proxied mark would not be the layout's own object (identity matters: active, nearest, sameCentre).
	hover = $state.raw<T | undefined>();
	#rows: () => readonly (readonly T[])[];
	#select: (mark: T) => void;
	#at: ((mark: T) => readonly [number, number]) | undefined;
	#nearest = $derived.by(() => (this.#at ? nearestMarks(this.#rows().flat(), this.#at) : undefined));

	constructor(rows: () => readonly (readonly T[])[], select: (mark: T) => void, at?: (mark: T) => readonly [number, number]) {
		this.#rows = rows;
		this.#select = select;
		this.#at = at;
	}

	get activeMark(): T | undefined {
		const a = this.active;
		return a ? this.#rows()[a.row]?.[a.col] : undefined;
	}

	/** The mark the tooltip describes. */
	get shown(): T | undefined {
		const hover = this.hover;
		// A mark hovered before the layout changed (the intervals arrived) is not shown as if current.
		if (hover !== undefined && (!this.#nearest || this.#nearest.has(hover))) return hover;
		return this.activeMark;
	}

	/** Other marks at the shown mark's centre (reached with the arrow keys). */
	sameCentre(mark: T): T[] {
		return this.#nearest?.sameCentre(mark) ?? [];
	}

	keydown = (e: KeyboardEvent): void => {
		const current = this.activeMark;
		if ((e.key === 'Enter' || e.key === ' ') && current !== undefined) {
			e.preventDefault();
			this.#select(current);
			return;
		}
		const next = gridMove(
			e.key,
			this.active,
			this.#rows().map((row) => row.length)
		);
		if (!next) return;
		e.preventDefault();
		this.hover = undefined;
		this.active = next;
	};

	blur = (): void => {
		this.active = undefined;
	};

	/** The mark nearest the pointer, in the SVG's own units. */
	#pick(e: PointerEvent | MouseEvent, under?: T): T | undefined {
		const target = e.currentTarget as SVGGraphicsElement | null;
		const ctm = target?.ownerSVGElement?.getScreenCTM();
		if (!this.#nearest || !ctm) return under;
		const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
		return this.#nearest.find(p.x, p.y, under);
	}

	#handlers(under?: T): { onpointermove: PointerHandler; onpointerleave: () => void; onclick: PointerHandler } {
		return {
			onpointermove: (e) => (this.hover = this.#pick(e, under)),
			onpointerleave: () => (this.hover = undefined),
			onclick: (e) => {
				const mark = this.#pick(e, under);
				if (mark !== undefined) this.#select(mark);
			}
		};
	}

	/** Pointer handlers of one mark; spread onto its element. */
	pointer(mark: T) {
		if (this.#at) return this.#handlers(mark);
		return {
			onmouseenter: () => (this.hover = mark),
			onmouseleave: () => (this.hover = undefined),
			onclick: () => this.#select(mark)
		};
	}

	/** What ChartFrame needs to make the marks one tab stop: their accessible name, the keys, the active mark's key, the pointer field. */
	frameNav(label: string, key: (mark: T) => string): ChartNav {
		const active = this.activeMark;
		return { label, keydown: this.keydown, blur: this.blur, ...(active !== undefined ? { active: key(active) } : {}), ...(this.field ? { field: this.field } : {}) };
	}

	/** The tooltip of the shown mark: its lines, at the mark's anchor. */
	tip(anchor: (mark: T) => { x: number; y: number }, describe: (mark: T) => string[]): Tip | undefined {
		const shown = this.shown;
		return shown === undefined ? undefined : { ...anchor(shown), lines: describe(shown) };
	}

	/** Pointer handlers of the plot between the marks (a transparent field under them), when marks have centres. */
	get field() {
		return this.#at ? this.#handlers() : undefined;
	}
}
