/**
 * The content of the balanced {...} group that opens at `open`, or undefined when it never closes.
 * Escaped braces (\{ \}) are content, not structure.
 */
export function findBraced(text: string, open: number): { content: string; end: number } | undefined {
	if (text[open] !== '{') return undefined;
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\') {
			i++;
			continue;
		}
		if (ch === '{') depth++;
		else if (ch === '}') {
			depth--;
			if (depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
		}
	}
	return undefined;
}
