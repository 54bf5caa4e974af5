// "The answer is 42.", "Final answer: $\frac{1}{2}$", "**Answer:** 7": the last such statement wins.
const ANSWER_IS = /(?:answer\s+is|answer\s*[:：])\s*[:：]?\s*(?:\*\*\s*)?/gi;

/** What follows the last "the answer is" / "answer:", up to the end of its sentence or line. */
export function extractAnswerIs(text: string): string | null {
	let start = -1;
	for (const m of text.matchAll(ANSWER_IS)) start = m.index + m[0].length;
	if (start < 0) return null;
	const rest = text.slice(start, start + 500);
	const line = rest.split('\n')[0] ?? '';
	// A sentence ends at a period followed by a space or the end, never at a decimal point.
	const sentenceEnd = /\.(?=\s|$)/.exec(line);
	let answer = (sentenceEnd ? line.slice(0, sentenceEnd.index) : line).trim();
	answer = answer.replace(/^\*+|\*+$/g, '').trim();
	return answer.length > 0 ? answer : null;
}
