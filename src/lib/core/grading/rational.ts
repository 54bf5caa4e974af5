// Exact rational arithmetic on bigints, so "1450001" never equals "1450000" and 1/3 never equals
// 0.333333333: numbers written as decimals, fractions or \frac are compared exactly.

/** n / d in lowest terms, d > 0. */
export interface Rational {
	n: bigint;
	d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
	let [x, y] = [abs(a), abs(b)];
	while (y !== 0n) [x, y] = [y, x % y];
	return x;
}

/** n / d reduced; undefined when d is 0. */
export function ratio(n: bigint, d: bigint): Rational | undefined {
	if (d === 0n) return undefined;
	const g = gcd(n, d) || 1n;
	const s = d < 0n ? -1n : 1n;
	return { n: (s * n) / g, d: (s * d) / g };
}

/** "-12.50", "3e2", ".5" exactly; undefined for anything else (or an exponent past 400). */
export function parseDecimal(text: string): Rational | undefined {
	const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
	if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return undefined;
	const frac = m[3] ?? '';
	const exp = Number(m[4] ?? 0) - frac.length;
	if (Math.abs(exp) > 400) return undefined;
	const digits = BigInt(`${m[2] || '0'}${frac}`) * (m[1] === '-' ? -1n : 1n);
	return exp >= 0 ? ratio(digits * 10n ** BigInt(exp), 1n) : ratio(digits, 10n ** BigInt(-exp));
}

export const arithmetic = {
	add: (a: Rational, b: Rational) => ratio(a.n * b.d + b.n * a.d, a.d * b.d),
	sub: (a: Rational, b: Rational) => ratio(a.n * b.d - b.n * a.d, a.d * b.d),
	mul: (a: Rational, b: Rational) => ratio(a.n * b.n, a.d * b.d),
	div: (a: Rational, b: Rational) => ratio(a.n * b.d, a.d * b.n),
	/** Whole exponents up to 64 only: anything else is not kept exact. */
	pow: (a: Rational, b: Rational): Rational | undefined => {
		if (b.d !== 1n || abs(b.n) > 64n) return undefined;
		const e = abs(b.n);
		const r = ratio(a.n ** e, a.d ** e);
		return r && b.n < 0n ? ratio(r.d, r.n) : r;
	}
};

export function rationalsEqual(a: Rational, b: Rational): boolean {
	return a.n === b.n && a.d === b.d;
}

export function rationalToNumber(r: Rational): number {
	return Number(r.n) / Number(r.d);
}
