import { matchBraces } from './matchBraces';

/** The content of the last \boxed{...} (or \fbox{...}), braces balanced so nested groups stay whole. */
export function extractBoxed(text: string): string | null {
	// "\boxed{...}" or the brace-less "\boxed 5"; the branches never overlap, so a long run of
	// spaces after \boxed cannot backtrack quadratically.
	const re = /\\(?:boxed|fbox)(?:(\{)|[ \t]+([^\s${]+)|[ \t]+(\{))/g;
	let closes: Map<number, number> | undefined;
	let last: string | null = null;
	for (const m of text.matchAll(re)) {
		if (m[2] !== undefined) {
			last = m[2].trim();
			continue;
		}
		closes ??= matchBraces(text);
		const open = m.index + m[0].length - 1;
		const close = closes.get(open) ?? -1;
		if (close > open) last = text.slice(open + 1, close).trim();
	}
	return last;
}
