import { markInvisible } from './markInvisible';

// C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F, e.g. CSI U+009B).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text as a terminal may print it: every control character that could move the cursor, clear the
 * screen, set the title or open a hyperlink (ESC, CSI, BEL, CR, backspace...) written as a visible
 * escape (`\x1B`), and invisible format characters marked (markInvisible). Tab and newline stay.
 */
export function terminalSafe(text: string): string {
	return markInvisible(text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}
