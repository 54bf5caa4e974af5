// The source of src/lib/core/metrics/kernelsWasm.ts: the WebAssembly text of the report's two
// SIMD kernels, written out by a program because the bootstrap's inner loop is unrolled eight rows
// wide. `npx tsx tools/wasm/build.ts` compiles it (wabt) into that file; a unit test checks they agree.
//
// move(target, rows, deltas, count, rowBytes): for r < count, target[b] += counts[rows[r] * stride + b]
// * deltas[r] for every replicate b, where counts (int32, stride = rowBytes / 4 per problem) start at
// address 0, target is f64, rows int32 and deltas f64. Replicates go four at a time (two f64x2
// lanes), so the stride is a multiple of four and the padding holds zeros.
//
// scaleAdd(sum, vectors, scales, count, d): for k < count in turn, sum[i] += f64(vectors[k * d + i])
// * scales[k] for every i < d (f32 vectors, f64 sums and scales; d a multiple of eight). Each sum
// receives its terms in k order, each rounded as the scalar loop rounds it (no fused multiply-add
// in WebAssembly), so the bits are the plain loop's.

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

/** scaleAdd: eight sums at a time, held in four f64x2 lanes (four independent chains) while every vector adds to them. */
function scaleAdd(): string {
	const lanes = [0, 1, 2, 3];
	const sumAt = (l: number) => `offset=${16 * l} (i32.add (local.get $sum) (i32.shl (local.get $i) (i32.const 3)))`;
	return [
		'(func (export "scaleAdd") (param $sum i32) (param $vectors i32) (param $scales i32) (param $count i32) (param $d i32)',
		'(local $i i32) (local $k i32) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $a v128) (local $b v128) (local $s v128) (local $vp i32) (local $rowBytes i32)',
		'(local.set $rowBytes (i32.shl (local.get $d) (i32.const 2)))',
		'(block $done (loop $elements',
		'  (br_if $done (i32.ge_u (local.get $i) (local.get $d)))',
		...lanes.map((l) => `  (local.set $s${l} (v128.load ${sumAt(l)}))`),
		'  (local.set $vp (i32.add (local.get $vectors) (i32.shl (local.get $i) (i32.const 2))))',
		'  (local.set $k (i32.const 0))',
		'  (block $last (loop $terms',
		'    (br_if $last (i32.ge_u (local.get $k) (local.get $count)))',
		'    (local.set $s (f64x2.splat (f64.load (i32.add (local.get $scales) (i32.shl (local.get $k) (i32.const 3))))))',
		'    (local.set $a (v128.load (local.get $vp)))',
		'    (local.set $b (v128.load offset=16 (local.get $vp)))',
		'    (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $a)) (local.get $s))))',
		'    (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a) (local.get $a))) (local.get $s))))',
		'    (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $b)) (local.get $s))))',
		'    (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $b) (local.get $b))) (local.get $s))))',
		'    (local.set $vp (i32.add (local.get $vp) (local.get $rowBytes)))',
		'    (local.set $k (i32.add (local.get $k) (i32.const 1)))',
		'    (br $terms)))',
		...lanes.map((l) => `  (v128.store ${sumAt(l)} (local.get $s${l}))`),
		'  (local.set $i (i32.add (local.get $i) (i32.const 8)))',
		'  (br $elements)))',
		')'
	].join('\n');
}

export function kernelsWat(): string {
	const locals = Array.from({ length: WIDTH }, (_, i) => `(local $w${i} i32) (local $d${i} v128)`).join(' ');
	return [
		'(module',
		'(import "env" "memory" (memory 1))',
		'(func (export "move") (param $target i32) (param $rp i32) (param $dp i32) (param $count i32) (param $rowBytes i32)',
		`(local $r i32) (local $b i32) (local $tp i32) (local $x i32) (local $lo v128) (local $hi v128) ${locals}`,
		passes(WIDTH),
		passes(1),
		')',
		scaleAdd(),
		')'
	].join('\n');
}
