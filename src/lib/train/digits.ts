// The tiny models' own chain of thought: each gold calculator step `a op b=<<a op b=r>>r` is
// rewritten so that the work inside << >> goes one digit column at a time. A two-layer model
// cannot produce the leading digit of 58+27 in one go (it depends on the carry out of the units);
// column by column, least significant first, every character it writes is a one-digit sum, a
// product or a copy. The result after >> is read off the column results, so the strict
// '#### <answer>' ending and the narrative of the gold solution are unchanged.
//
//   58+27=<<8+7=15,5+2+1=8>>85      38*3=<<8*3=24,3*3+2=11>>114
//   82-63=<<12-3=9,8-6-1=1>>19      38/2=<<3/2=1r1,18/2=9>>19

type Op = '+' | '-' | '*' | '/';

const digitsOf = (n: number): number[] => [...String(n)].map(Number);

/** Units first; missing high digits of the shorter operand read as 0. */
function columnsOf(a: number, b: number): [number, number][] {
	const da = digitsOf(a).reverse();
	const db = digitsOf(b).reverse();
	return Array.from({ length: Math.max(da.length, db.length) }, (_, i) => [da[i] ?? 0, db[i] ?? 0]);
}

function addition(a: number, b: number): string[] {
	let carry = 0;
	return columnsOf(a, b).map(([x, y]) => {
		const t = x + y + carry;
		const step = `${x}+${y}${carry ? '+' + carry : ''}=${t}`;
		carry = t >= 10 ? 1 : 0;
		return step;
	});
}

function subtraction(a: number, b: number): string[] {
	let borrow = 0;
	return columnsOf(a, b).map(([x, y]) => {
		const lend = x - y - borrow < 0 ? 10 : 0;
		const step = `${x + lend}-${y}${borrow ? '-1' : ''}=${x + lend - y - borrow}`;
		borrow = lend ? 1 : 0;
		return step;
	});
}

/** Only single-digit multipliers are written column by column; others keep the gold line. */
function multiplication(a: number, b: number): string[] | null {
	if (b > 9) return null;
	let carry = 0;
	return digitsOf(a)
		.reverse()
		.map((x) => {
			const t = x * b + carry;
			const step = `${x}*${b}${carry ? '+' + carry : ''}=${t}`;
			carry = Math.floor(t / 10);
			return step;
		});
}

/** Long division, most significant digit first (exact division by a one-digit divisor). */
function division(a: number, b: number): string[] | null {
	if (b > 9 || a % b !== 0) return null;
	let rest = 0;
	const ds = digitsOf(a);
	return ds.map((x, i) => {
		const part = rest * 10 + x;
		rest = part % b;
		const last = i === ds.length - 1;
		return `${part}/${b}=${Math.floor(part / b)}${last ? '' : 'r' + rest}`;
	});
}

/** The column work for one step, or null where this rewriting does not apply (the gold line stays). */
export function columnWork(a: number, op: Op, b: number): string | null {
	if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) return null;
	const steps = op === '+' ? addition(a, b) : op === '-' ? (a >= b ? subtraction(a, b) : null) : op === '*' ? multiplication(a, b) : division(a, b);
	return steps ? steps.join(',') : null;
}

const STEP = /(\d+)([-+*/])(\d+)=<<\1\2\3=(\d+)>>\4/g;

/** The gold solution with every calculator step rewritten as column work. */
export function withColumnWork(solution: string): string {
	return solution.replace(STEP, (whole, a: string, op: Op, b: string, r: string) => {
		const work = columnWork(Number(a), op, Number(b));
		return work === null ? whole : `${a}${op}${b}=<<${work}>>${r}`;
	});
}

const WRITTEN_STEP = /(\d+)([-+*/])(\d+)=<<([^>]*)>>(\d+)/g;

function valueOf(a: number, op: Op, b: number): number | null {
	if (op === '+') return a + b;
	if (op === '-') return a - b;
	if (op === '*') return a * b;
	return b !== 0 && a % b === 0 ? a / b : null;
}

/**
 * True when a model's solution shows at least one calculator step and every step is right: the
 * result is the operation's value and the work inside << >> is exactly the column work (or the
 * plain `a op b=r` where column work does not apply). Grading looks only at '####'; this catches
 * right answers reached through wrong steps, which a self-training round would otherwise teach.
 */
export function stepsAreRight(text: string): boolean {
	let steps = 0;
	for (const m of text.matchAll(WRITTEN_STEP)) {
		const [, a, op, b, work, r] = m as unknown as [string, string, Op, string, string, string];
		const value = valueOf(Number(a), op, Number(b));
		if (value === null || value !== Number(r)) return false;
		const expected = columnWork(Number(a), op, Number(b)) ?? `${a}${op}${b}=${r}`;
		if (work !== expected) return false;
		steps++;
	}
	return steps > 0;
}
