import { describe, expect, it } from 'vitest';
import { markdownText, markInvisible, terminalSafe } from '../../../src/lib/core/text';

describe('terminalSafe(text)', () => {
	it('terminalSafe shows ESC, CSI, BEL, CR and backspace as visible escapes, keeping tab and newline', () => {
		// A title change, a screen clear, a cursor move, an OSC 8 hyperlink, an 8-bit CSI.
		const hostile = 'M1\x1b]0;pwned\x07\x1b[2J\x1b[1A\rfake\x08\x1b]8;;http://evil\x1b\\x\x9b31m\tend\n';
		const out = terminalSafe(hostile);
		expect(out).toBe('M1\\x1B]0;pwned\\x07\\x1B[2J\\x1B[1A\\x0Dfake\\x08\\x1B]8;;http://evil\\x1B\\x\\x9B31m\tend\n');
		// eslint-disable-next-line no-control-regex -- no control character may remain
		expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
	});

	it('terminalSafe leaves ordinary text, accents and CJK unchanged', () => {
		expect(terminalSafe('Qwen2.5 — élève 数学 #### 12\n')).toBe('Qwen2.5 — élève 数学 #### 12\n');
	});
});

describe('markInvisible(text)', () => {
	it('markInvisible marks bidi overrides, isolates, marks and zero-width characters', () => {
		expect(markInvisible('M1\u202Egnp.exe')).toBe('M1<U+202E>gnp.exe');
		expect(markInvisible('M\u200B1 \u2066x\u2069 \uFEFF\u200D\u061C')).toBe('M<U+200B>1 <U+2066>x<U+2069> <U+FEFF><U+200D><U+061C>');
		expect(markInvisible('plain M1')).toBe('plain M1');
	});
});

describe('markdownText(text)', () => {
	it('markdownText makes HTML, images, links and table breaks inert text', () => {
		expect(markdownText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
		expect(markdownText('[click](javascript:alert(1))')).toBe('\\[click\\]\\(javascript:alert\\(1\\)\\)');
		expect(markdownText('![t](https://tracker.example/p.gif)')).toBe('\\!\\[t\\]\\(https://tracker.example/p.gif\\)');
		expect(markdownText('a | b\nc **d** `e`')).toBe('a \\| b c \\*\\*d\\*\\* \\`e\\`');
		expect(markdownText('M1\u202E \x1b[2J &amp;')).toBe('M1&lt;U+202E&gt; \\\\x1B\\[2J &amp;amp;');
	});

	it('markdownText leaves a plain label readable', () => {
		expect(markdownText('Qwen2.5-Math 1.5B (SFT)')).toBe('Qwen2.5-Math 1.5B \\(SFT\\)');
	});
});
