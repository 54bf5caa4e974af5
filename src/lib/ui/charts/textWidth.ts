// The width of a line of chart text, measured on a canvas: nothing is laid out, so it works for
// charts that are out of view.
let context: CanvasRenderingContext2D | null | undefined;

/** Width in px of `text` at `fontSize` px in the charts' font; an estimate where no canvas exists (prerendering). */
export function textWidth(text: string, fontSize: number): number {
	if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	if (!context) return text.length * fontSize * 0.55;
	context.font = `${fontSize}px system-ui, sans-serif`;
	return context.measureText(text).width;
}
