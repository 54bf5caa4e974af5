import { UNIT } from './unitPattern';

// Currency, percent and unit words are presentation, not value: "$1,200.50", "1200.5" and
// "1,200.50 dollars" are one answer. A bare fraction "3/4" is a number too.
const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s*\/\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)))?$/;
const UNIT_TAIL = new RegExp(String.raw`\s*${UNIT}$`, 'i');

/**
 * The numerator and denominator digits of a plain numeric answer, or undefined when the text is
 * not one number. Accepts thousands separators, currency signs, percent, a trailing period and a
 * trailing known unit ("12 km"); any other letters ("2x", "5i") make it not a number.
 */
export function numberText(text: string): Readonly<{ num: string; den?: string }> | undefined {
	if (text.length > 200) return undefined;
	// Grading a study asks about the same few answer texts (the golds, the common answers) hundreds
	// of thousands of times; a bounded memo of this pure function spares a dozen regexes each time.
	const known = memo.get(text);
	if (known !== undefined || memo.has(text)) return known;
	const parts = parse(text);
	if (memo.size >= MEMO_SIZE) memo.clear();
	memo.set(text, parts);
	return parts;
}

const MEMO_SIZE = 4096;
const memo = new Map<string, Readonly<{ num: string; den?: string }> | undefined>();

function parse(text: string): Readonly<{ num: string; den?: string }> | undefined {
	let s = text
		.trim()
		.replace(/[\u2212\u2013]/g, '-')
		.replace(/\\[$%]/g, '')
		.replace(/^\$+|\$+$/g, '')
		.replace(/\\(?:[,!;: ]|quad)/g, '')
		.replace(/[$€£¥%]/g, '')
		.replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
		.replace(/\{,\}/g, '')
		.trim();
	s = s.replace(/^\*+|\*+$/g, '').trim();
	s = s.replace(/^[a-zA-Z]\w{0,2}\s*=\s*/, '');
	s = s.replace(/[.。]+$/, '').trim();
	const unit = UNIT_TAIL.exec(s);
	if (unit && unit.index > 0) s = s.slice(0, unit.index).trim();
	s = s.replace(/\.$/, '');
	s = s.replace(/^([+-])\s+/, '$1');
	const m = NUMBER.exec(s);
	if (!m) return undefined;
	return Object.freeze(m[2] === undefined ? { num: m[1] as string } : { num: m[1] as string, den: m[2] });
}
