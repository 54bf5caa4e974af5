/** GSM8K's own format: the number after the last "####". Null when the output never writes one. */
export function extractGsm8kStrict(text: string): string | null {
	// One character class for the gap (not \s*\$?\s*), so a long run of spaces cannot backtrack quadratically.
	const re = /####[\s$]*([+-]?[\d,]*\.?\d+(?:[ \t]*\/[ \t]*\d+)?)/g;
	let last: string | null = null;
	for (const m of text.matchAll(re)) last = m[1] ?? null;
	return last === null ? null : last.trim();
}
