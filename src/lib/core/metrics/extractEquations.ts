// GSM8K calculator annotations, e.g. <<48/2=24>>.
const ANNOTATION = /<<([^<>]{1,200})>>/g;
// Plain statements "a op b (op c ...) = d", e.g. "48 / 2 = 24" or "$5 x 3 = $15".
const NUM = String.raw`[$€£]?\s*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?`;
const OP = String.raw`\s*(?:[-+*/×÷·]|\sx\s)\s*`;
const STATEMENT = new RegExp(`${NUM}(?:${OP}${NUM})+\\s*=\\s*${NUM}`, 'g');
const NUMBER = /-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)/g;

// Samples of one problem repeat the same few equations: remember canonical forms (bounded).
const canonical = new Map<string, string>();

/** One equation in canonical form: no spaces or currency, one sign per operator, numbers as values. */
function normalise(equation: string): string {
	const known = canonical.get(equation);
	if (known !== undefined) return known;
	if (canonical.size > 50_000) canonical.clear();
	const value = normaliseUncached(equation);
	canonical.set(equation, value);
	return value;
}

function normaliseUncached(equation: string): string {
	const compact = equation
		.replace(/\sx\s/g, '*')
		.replace(/[×·]/g, '*')
		.replace(/÷/g, '/')
		.replace(/[\s$€£]/g, '');
	// Number format: "1,200" = "1200", "24.0" = "24", ".5" = "0.5".
	return compact.replace(NUMBER, (m) => {
		const value = Number(m.replace(/,/g, ''));
		return Number.isFinite(value) ? String(value) : m;
	});
}

/**
 * The distinct equations one sample writes: its GSM8K <<...>> annotations and its plain
 * "a op b = c" statements (searched in the text with the annotations removed, so an annotation
 * is not counted twice), normalised and de-duplicated within the sample.
 */
export function extractEquations(text: string): string[] {
	const found = new Set<string>();
	for (const m of text.matchAll(ANNOTATION)) {
		const body = m[1] ?? '';
		if (body.includes('=')) found.add(normalise(body));
	}
	const rest = found.size > 0 ? text.replace(ANNOTATION, ' ') : text;
	if (rest.includes('=')) for (const m of rest.matchAll(STATEMENT)) found.add(normalise(m[0]));
	return [...found];
}
