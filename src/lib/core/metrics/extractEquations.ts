// GSM8K calculator annotations, e.g. <<48/2=24>>.
const ANNOTATION = /<<([^<>]{1,200})>>/g;
// Plain statements "a op b (op c ...) = d", e.g. "48 / 2 = 24" or "$5 x 3 = $15", found from each
// "=" outside an annotation: the left side must end at the "=", the right side start after it.
const NUM = String.raw`(?:[$€£]\s*)?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?`;
const OP = String.raw`\s*(?:[-+*/×÷·]|\sx\s)\s*`;
const LEFT = new RegExp(`${NUM}(?:${OP}${NUM})+\\s*$`);
const RIGHT = new RegExp(`^\\s*${NUM}`);
/** How far before an "=" a statement may start. */
const REACH = 80;
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
	// Annotation spans, so their "=" are not read again as statements.
	const spans: number[] = [];
	for (const m of text.matchAll(ANNOTATION)) {
		const body = m[1] ?? '';
		if (body.includes('=')) found.add(normalise(body));
		spans.push(m.index, m.index + m[0].length);
	}
	let span = 0;
	// A statement never starts before the end of the previous statement or annotation.
	let floor = 0;
	for (let e = text.indexOf('='); e >= 0; e = text.indexOf('=', e + 1)) {
		while (span < spans.length && spans[span + 1]! <= e) {
			floor = Math.max(floor, spans[span + 1]!);
			span += 2;
		}
		if (span < spans.length && spans[span]! <= e) continue;
		const left = LEFT.exec(text.slice(Math.max(floor, e - REACH), e));
		if (!left) continue;
		const right = RIGHT.exec(text.slice(e + 1, e + 1 + REACH));
		if (!right) continue;
		found.add(normalise(`${left[0]}=${right[0]}`));
		floor = e + 1 + right[0].length;
	}
	return [...found];
}
