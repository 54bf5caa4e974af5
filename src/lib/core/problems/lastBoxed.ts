/**
 * The content of the last \boxed{...} (or \fbox{...}) in a LaTeX text, braces balanced, so
 * \boxed{\frac{1}{2}} gives \frac{1}{2}. Undefined when there is none or it never closes.
 */
export function lastBoxed(text: string): string | undefined {
	const at = Math.max(text.lastIndexOf('\\boxed'), text.lastIndexOf('\\fbox'));
	if (at < 0) return undefined;
	let i = text.indexOf('{', at);
	// "\boxed 5" (no braces) also occurs in MATH solutions.
	const between = i < 0 ? text.slice(at) : text.slice(at, i);
	const bare = /^\\(?:boxed|fbox) +([^\s$]+)/.exec(between);
	if (bare) return bare[1];
	if (i < 0) return undefined;
	let depth = 0;
	const start = i + 1;
	for (; i < text.length; i++) {
		const c = text[i];
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return text.slice(start, i).trim();
	}
	return undefined;
}
