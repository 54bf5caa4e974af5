// Sweep phase 1: M1 from random weights with a GGUF checkpoint every `every` steps, so M1's budget
// can be chosen by the pre-declared rule (README, "The sweep") without training M1 once per budget.
// Usage: npx tsx tools/train/m1Checkpoints.ts [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProblems } from '../../src/lib/core/problems';
import { exampleOf } from '../../src/lib/train/data';
import { withColumnWork } from '../../src/lib/train/digits';
import { toGguf } from '../../src/lib/train/gguf';
import { initWeights, train } from '../../src/lib/train/train';
import { RUN } from './run';

const out = process.argv[2] ?? 'tools/train/.sweep';
mkdirSync(out, { recursive: true });
const c = RUN.model;
const gold = RUN.m1.sources.flatMap((o) => generateProblems(o));
const w = initWeights(c, RUN.seeds.init);
const examples = gold.map((p) => exampleOf(p.question, withColumnWork(p.solution)));
const t0 = performance.now();
train(c, w, examples, {
	...RUN.m1.train,
	seed: RUN.seeds.order,
	log: (l) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)} s] m1: ${l}`),
	onStep: (step) => {
		if (step % RUN.m1.checkpointEvery === 0) {
			writeFileSync(join(out, `m1-step${step}.gguf`), toGguf(c, w, `reversal-lab m1 step ${step}`, `M1 checkpoint at step ${step}`));
			console.log(`checkpoint ${step} written`);
		}
	}
});
