import { terminalSafe } from './terminalSafe';

/**
 * A name or a label as inert Markdown text, for one line or one table cell: HTML is escaped as
 * entities (no `<img onerror>`, no tracking image), the syntax of links, images, emphasis, code
 * and table cells is backslash-escaped (so `[x](javascript:...)` stays text), line breaks become
 * spaces, control and invisible characters are shown (terminalSafe).
 */
export function markdownText(text: string): string {
	return terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]+/g, ' '))
		.replace(/[\\`*_[\]()!|~]/g, (c) => `\\${c}`)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}
