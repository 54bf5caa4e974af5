// The source of src/lib/core/metrics/sumKernelWasm.ts: the WebAssembly text of the bootstrap's
// row-sum kernel, written out by a program because its inner loop is unrolled eight rows wide.
// `npx tsx tools/wasm/build.ts` compiles it (wabt) into that file; a unit test checks they agree.
//
// move(target, rows, deltas, count, rowBytes): for r < count, target[b] += counts[rows[r] * stride + b]
// * deltas[r] for every replicate b, where counts (int32, stride = rowBytes / 4 per problem) start at
// address 0, target is f64, rows int32 and deltas f64. Replicates go four at a time (two f64x2
// lanes), so the stride is a multiple of four and the padding holds zeros.

/** One pass over the replicates adding `width` rows, whose addresses and deltas are at $rp / $dp. */
function pass(width: number): string {
	const setup: string[] = [];
	for (let i = 0; i < width; i++) {
		setup.push(`(local.set $w${i} (i32.mul (i32.load offset=${4 * i} (local.get $rp)) (local.get $rowBytes)))`);
		setup.push(`(local.set $d${i} (f64x2.splat (f64.load offset=${8 * i} (local.get $dp))))`);
	}
	const body: string[] = ['(local.set $lo (v128.load (local.get $tp)))', '(local.set $hi (v128.load offset=16 (local.get $tp)))'];
	for (let i = 0; i < width; i++) {
		body.push(`(local.set $x (i32.add (local.get $w${i}) (local.get $b)))`);
		body.push(`(local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (f64x2.convert_low_i32x4_s (v128.load64_zero (local.get $x))) (local.get $d${i}))))`);
		body.push(`(local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (f64x2.convert_low_i32x4_s (v128.load64_zero offset=8 (local.get $x))) (local.get $d${i}))))`);
	}
	body.push('(v128.store (local.get $tp) (local.get $lo))', '(v128.store offset=16 (local.get $tp) (local.get $hi))');
	body.push('(local.set $tp (i32.add (local.get $tp) (i32.const 32)))');
	body.push(`(br_if $replicates${width} (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 16))) (local.get $rowBytes)))`);
	return [
		...setup,
		'(local.set $b (i32.const 0))',
		'(local.set $tp (local.get $target))',
		`(loop $replicates${width}`,
		...body.map((line) => `  ${line}`),
		')',
		`(local.set $rp (i32.add (local.get $rp) (i32.const ${4 * width})))`,
		`(local.set $dp (i32.add (local.get $dp) (i32.const ${8 * width})))`,
		`(local.set $r (i32.add (local.get $r) (i32.const ${width})))`
	].join('\n');
}

/** The rows in passes of `width`, while at least `width` are left. */
function passes(width: number): string {
	return [
		`(block $done${width}`,
		`(loop $rows${width}`,
		`(br_if $done${width} (i32.gt_u (i32.add (local.get $r) (i32.const ${width})) (local.get $count)))`,
		pass(width),
		`(br $rows${width})))`
	].join('\n');
}

export const WIDTH = 8;

export function sumKernelWat(): string {
	const locals = Array.from({ length: WIDTH }, (_, i) => `(local $w${i} i32) (local $d${i} v128)`).join(' ');
	return [
		'(module',
		'(import "env" "memory" (memory 1))',
		'(func (export "move") (param $target i32) (param $rp i32) (param $dp i32) (param $count i32) (param $rowBytes i32)',
		`(local $r i32) (local $b i32) (local $tp i32) (local $x i32) (local $lo v128) (local $hi v128) ${locals}`,
		passes(WIDTH),
		passes(1),
		'))'
	].join('\n');
}
