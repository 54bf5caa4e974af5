/**
 * The same-machine baseline printed beside a benchmark's times: 10^8 xorshift steps, in
 * milliseconds, so that a time can be read as a ratio that carries across machines and their load.
 * The same function in Node and in a page, so the two ratios compare.
 */
export function bareLoop(): number {
	const t0 = performance.now();
	let x = 1;
	for (let i = 0; i < 1e8; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
	}
	// Keeps the loop from being optimised away.
	if (x === 0) console.log('');
	return performance.now() - t0;
}
