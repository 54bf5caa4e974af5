/** GSM8K's own format: the number after the last "####". Null when the output never writes one. */
export function extractGsm8kStrict(text: string): string | null {
	const re = /####\s*\$?\s*([+-]?[\d,]*\.?\d+(?:\s*\/\s*\d+)?)/g;
	let last: string | null = null;
	for (const m of text.matchAll(re)) last = m[1] ?? null;
	return last === null ? null : last.trim();
}
