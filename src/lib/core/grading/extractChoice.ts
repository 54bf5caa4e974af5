import { choiceLetters } from './choiceLetters';
import { extractBoxed } from './extractBoxed';

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lastMatch(text: string, re: RegExp): string | undefined {
	let found: string | undefined;
	for (const m of text.matchAll(re)) found = m[1];
	return found;
}

/**
 * The option letter an output commits to, tried from the most explicit form to the least:
 * "the answer is (B)" / "Answer: B", \boxed{B}, a final line that is a lone letter ("B", "(B)", "B."),
 * the last parenthesised letter "(B)", a line starting "B." or "B)", then the option's own text.
 */
export function extractChoice(text: string, choices?: readonly string[]): string | null {
	const letters = choiceLetters(choices).join('');
	const L = `[${letters}]`;
	const explicit = lastMatch(
		text,
		new RegExp(`(?:[Aa]nswer|ANSWER|[Oo]ption|[Cc]hoice)(?:\\s+is)?[\\s:：*]*\\(?(${L})\\)?(?![A-Za-z0-9])`, 'g')
	);
	if (explicit) return explicit;
	const boxed = extractBoxed(text);
	if (boxed) {
		const m = new RegExp(`^\\(?(?:\\\\text\\{)?(${L})\\}?\\)?$`).exec(boxed.trim());
		if (m?.[1]) return m[1];
	}
	const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
	const finalLine = lines[lines.length - 1] ?? '';
	const lone = new RegExp(`^\\**\\(?(${L})\\)?[.:)]?\\**$`).exec(finalLine);
	if (lone?.[1]) return lone[1];
	const paren = lastMatch(text, new RegExp(`\\((${L})\\)`, 'g'));
	if (paren) return paren;
	const leading = lastMatch(text, new RegExp(`(?:^|\\n)[ \\t]*(${L})[.)](?:\\s|$)`, 'g'));
	if (leading) return leading;
	if (choices && choices.length > 0) {
		// The option whose text the output mentions last (case-insensitive, whole words).
		let best: { letter: string; at: number } | undefined;
		choices.forEach((choice, i) => {
			const t = choice.trim();
			if (t.length === 0) return;
			const re = new RegExp(`(?<![\\w])${escapeRegExp(t)}(?![\\w])`, 'gi');
			for (const m of text.matchAll(re)) {
				if (!best || m.index > best.at) best = { letter: String.fromCharCode(65 + i), at: m.index };
			}
		});
		if (best) return best.letter;
	}
	return null;
}
