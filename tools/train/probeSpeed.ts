import { readFileSync } from 'node:fs';
import { generateProblems } from '../../src/lib/core/problems';
import { fromGguf } from '../../src/lib/train/gguf';
import { exampleOf, promptOf, VOCAB } from '../../src/lib/train/data';
import { withColumnWork } from '../../src/lib/train/digits';
import { train } from '../../src/lib/train/train';
import { generate } from '../../src/lib/train/infer';
import { RUN } from './run';
const { weights } = fromGguf(new Uint8Array(readFileSync('static/models/tiny-m1.gguf')));
const c = RUN.model;
for (const levels of [[1,2],[1,2,3]]) {
  const ps = generateProblems({ seed: 9, count: 400, split: 'in-domain', levels });
  const ex = ps.map((p) => exampleOf(p.question, withColumnWork(p.solution)));
  console.log(levels, 'mean tokens', ex.reduce((a, e) => a + e.tokens.length, 0) / ex.length);
  const w = weights.slice();
  const t0 = performance.now();
  train(c, w, ex, { steps: 10, batch: 16, lr: 1e-4, minLrRatio: 1, warmup: 1, weightDecay: 0, seed: 1 });
  console.log('s/step', (performance.now() - t0) / 10000);
}
const ps = generateProblems({ seed: 9, count: 60, split: 'both', levels: [1,2,3] });
let toks = 0; const t0 = performance.now(); const acc: Record<string, [number, number]> = {};
for (const p of ps) { const ids = generate(c, weights, VOCAB.encode(promptOf(p.question)), { maxTokens: 200, temperature: 0, stop: VOCAB.eosId }); toks += ids.length; const k = `${p.split}-L${p.level}`; acc[k] ??= [0,0]; acc[k][1]++; const t = VOCAB.decode(ids); if (/####\s*(-?\d+)/.exec(t)?.[1] === p.answer) acc[k][0]++; }
console.log('decode tok/s', toks / ((performance.now() - t0) / 1000), 'mean', toks / ps.length, acc);
