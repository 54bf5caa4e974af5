// A chart's marks behind one tab stop: the chart's group takes the focus, the arrow keys move an
// active mark over rows of marks (series, panels, groups), Home / End jump within the row, Enter or
// Space selects the active mark; the pointer hovers and clicks as before. The tooltip shows the
// hovered mark, else the active one.
import { gridMove, type GridPos } from './keyNav';

export class RovingMarks<T> {
	active = $state<GridPos | undefined>();
	hover = $state<T | undefined>();
	#rows: () => readonly (readonly T[])[];
	#select: (mark: T) => void;

	constructor(rows: () => readonly (readonly T[])[], select: (mark: T) => void) {
		this.#rows = rows;
		this.#select = select;
	}

	get activeMark(): T | undefined {
		const a = this.active;
		return a ? this.#rows()[a.row]?.[a.col] : undefined;
	}

	/** The mark the tooltip describes. */
	get shown(): T | undefined {
		return this.hover ?? this.activeMark;
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

	/** Pointer handlers of one mark; spread onto its element. */
	pointer(mark: T) {
		return {
			onmouseenter: () => (this.hover = mark),
			onmouseleave: () => (this.hover = undefined),
			onclick: () => this.#select(mark)
		};
	}
}
