// The event handlers of a chart mark that opens something: hover or focus shows its tooltip,
// leaving hides it, click or Enter / Space selects it. Spread onto the mark's element.
export function markHandlers(show: () => void, hide: () => void, select: () => void) {
	return {
		onmouseenter: show,
		onmouseleave: hide,
		onfocus: show,
		onblur: hide,
		onclick: select,
		onkeydown: (e: KeyboardEvent) => {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				select();
			}
		}
	};
}
