import { findBraced } from './findBraced';

/** The content of the last \boxed{...} (or \fbox{...}), braces balanced so nested groups stay whole. */
export function extractBoxed(text: string): string | null {
	const re = /\\(?:boxed|fbox)\s*(\{|\s+[^\s$]+)/g;
	let last: string | null = null;
	for (const m of text.matchAll(re)) {
		const arg = m[1] ?? '';
		if (arg === '{') {
			const group = findBraced(text, m.index + m[0].length - 1);
			if (group) last = group.content.trim();
		} else {
			last = arg.trim();
		}
	}
	return last;
}
