// Sweep 2's M1 (README, "Sweep 2"): the shipped run's M1 with bare arithmetic in its base data, on a
// longer schedule. Writes checkpoints to tools/train/.sweep2/cache (m1-step<N>.gguf) for rule 1;
// `--resume` continues from the last finished stopAt. Nothing here changes the shipped family.
//   npx tsx tools/train/m1Mixed.ts [--resume]
import { mkdirSync } from 'node:fs';
import { generateProblems } from '../../src/lib/core/problems';
import { trainM1 } from './m1';
import { M1_SWEEP2 as M1_MIXED, RUN } from './run';

const OUT = 'tools/train/.sweep2';
const where = { out: OUT, cache: `${OUT}/cache`, resume: process.argv.includes('--resume'), log: (l: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${l}`) };
mkdirSync(where.cache, { recursive: true });
const gold = M1_MIXED.sources.flatMap((o) => generateProblems(o));
const probe = generateProblems({ family: 'word', seed: RUN.seeds.heldOut, count: RUN.evalProblems, split: 'in-domain', levels: RUN.m1.levels });
const { entry } = trainM1(RUN.model, gold, probe, { initSeed: RUN.seeds.init, train: { ...M1_MIXED.train, seed: RUN.seeds.order }, stopAt: M1_MIXED.stopAt, checkpointEvery: M1_MIXED.checkpointEvery, maxTokens: RUN.sampling.maxTokens }, where);
where.log(`M1 (sweep 2) written: ${entry.file}, ${entry.training.seconds} s`);
