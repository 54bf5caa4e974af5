// One pass finds both kinds of equation: GSM8K calculator annotations such as <<48/2=24>>, and plain
// statements "a op b (op c ...) = d" such as "48 / 2 = 24" or "$5 x 3 = $15". Taken in one pass, an
// annotation's text is consumed and never counted again as a statement.
const NUM = String.raw`(?:[$€£]\s*)?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?`;
const OP = String.raw`\s*(?:[-+*/×÷·]|\sx\s)\s*`;
const EQUATION = new RegExp(String.raw`<<([^<>]{1,200})>>|(?=[-$€£.\d])${NUM}(?:${OP}${NUM})+\s*=\s*${NUM}`, 'g');
const NUMBER = /-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)/g;
// Already canonical: integers without leading zeros joined by + - * / and one =.
const PLAIN = /^(?:(?:0|[1-9]\d*)[-+*/=])+(?:0|[1-9]\d*)$/;

/** One equation in canonical form: no spaces or currency, one sign per operator, numbers as values. */
function normalise(equation: string): string {
	if (PLAIN.test(equation)) return equation;
	const compact = equation
		.replace(/\sx\s/g, '*')
		.replace(/[×·]/g, '*')
		.replace(/÷/g, '/')
		.replace(/[\s$€£%]/g, '');
	if (PLAIN.test(compact)) return compact;
	// Number format: "1,200" = "1200", "24.0" = "24", ".5" = "0.5".
	return compact.replace(NUMBER, (m) => {
		const value = Number(m.replace(/,/g, ''));
		return Number.isFinite(value) ? String(value) : m;
	});
}

/**
 * The distinct equations one sample writes: its GSM8K <<...>> annotations (those containing "=")
 * and its plain "a op b = c" statements, normalised and de-duplicated within the sample.
 */
export function extractEquations(text: string): string[] {
	if (!text.includes('=')) return [];
	const found = new Set<string>();
	for (const m of text.matchAll(EQUATION)) {
		const body = m[1];
		if (body === undefined) found.add(normalise(m[0]));
		else if (body.includes('=')) found.add(normalise(body));
	}
	return [...found];
}
