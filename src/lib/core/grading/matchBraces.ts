/**
 * For every "{" in a text, the index of its matching "}" (or -1 when it never closes), in one pass:
 * looking groups up in this table keeps extraction linear even on text made of thousands of
 * unclosed "\boxed{". Escaped braces (\{ \}) are content, not structure.
 */
export function matchBraces(text: string): Map<number, number> {
	const closes = new Map<number, number>();
	const stack: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 92 /* \ */) i++;
		else if (ch === 123 /* { */) stack.push(i);
		else if (ch === 125 /* } */) {
			const open = stack.pop();
			if (open !== undefined) closes.set(open, i);
		}
	}
	for (const open of stack) closes.set(open, -1);
	return closes;
}
