// Measures reading at benchmark scale (5 models x 500 problems x 65 samples): npx tsx tools/cli/benchImport.ts
import { syntheticBundle } from '../../src/lib/core/synthetic/syntheticBundle';
import { importSamplesJsonl, parseBundle } from '../../src/lib/core/study';
const b = syntheticBundle({ models: 5, problems: 500, n: 64 });
const text = JSON.stringify(b);
console.log('bundle samples', b.samples.length, 'MB', (text.length / 1e6).toFixed(1));
let t0 = performance.now();
const r = parseBundle(text);
console.log('parseBundle(text) ms', (performance.now() - t0).toFixed(0), r.ok);
const gold = new Map(b.problems.map((p) => [p.id, p.answer]));
const lines = b.samples.map((s) => JSON.stringify({ model: s.model, problem_id: s.problem, sample_index: s.index, text: s.text, gold: gold.get(s.problem) })).join('\n');
console.log('jsonl MB', (lines.length / 1e6).toFixed(1));
t0 = performance.now();
const j = importSamplesJsonl(lines);
console.log('importSamplesJsonl (grading every sample) ms', (performance.now() - t0).toFixed(0), j.ok, 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
if (j.ok) {
  let agree = 0; const byKey = new Map(b.samples.map((s) => [`${s.model}|${s.problem}|${s.index}`, s.correct]));
  for (const s of j.bundle.samples) if (byKey.get(`${s.model}|${s.problem}|${s.index}`) === s.correct) agree++;
  console.log('grades agreeing with the generator', agree, '/', j.bundle.samples.length);
}
