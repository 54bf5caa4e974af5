/** "1 step", "1,200 steps": a count with its noun, plural by adding an s. */
export function fmtCount(n: number, noun: string): string {
	return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
