// M1: supervised training from random weights on gold solutions rewritten as digit-column work.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from '../../src/lib/train/config';
import { exampleOf, PROMPT_TEMPLATE } from '../../src/lib/train/data';
import { withColumnWork } from '../../src/lib/train/digits';
import { fromGguf, toGguf } from '../../src/lib/train/gguf';
import type { TrainPlace } from './place';
import { greedyAccuracy, type TrainProblem } from '../../src/lib/train/selfImprove';
import { createOptimizer, initWeights, sftGradient, type TrainOptions } from '../../src/lib/train/train';

export interface M1Entry {
	id: string;
	label: string;
	iteration: 1;
	file: string;
	bytes: number;
	sha256: string;
	trainingSet: { source: 'gold'; examples: number };
	training: Omit<TrainOptions, 'log' | 'onStep'> & { stopAt: number; finalLoss: number; tokens: number; seconds: number; from: 'random init' };
	nodeGreedyAccuracy: Record<string, number>;
}

export function trainM1(
	c: ModelConfig, gold: readonly (TrainProblem & { solution: string })[], probe: readonly TrainProblem[],
	s: { initSeed: number; train: Omit<TrainOptions, 'log' | 'onStep'>; stopAt: number; checkpointEvery: number; maxTokens: number }, where: TrainPlace
): { weights: Float64Array; entry: M1Entry } {
	const id = 'tiny-m1';
	const file = `${id}.gguf`;
	const cached = join(where.cache, `${id}.json`);
	if (where.resume && existsSync(cached) && existsSync(join(where.out, file))) {
		where.log(`${id}: resumed from ${where.out}/${file}`);
		return { weights: fromGguf(new Uint8Array(readFileSync(join(where.out, file)))).weights, entry: JSON.parse(readFileSync(cached, 'utf8')) as M1Entry };
	}
	const t0 = performance.now();
	const examples = gold.map((p) => exampleOf(p.question, withColumnWork(p.solution)));
	// Weights are rounded to float32 after every step, so a checkpoint's GGUF holds the run's exact
	// state: the sweep chooses M1's budget from these files, and a resumed run starts from the chosen one.
	const checkpoint = (step: number): string => join(where.cache, `m1-step${step}.gguf`);
	let w: Float64Array;
	let res: { finalLoss: number; tokens: number; seconds: number };
	if (where.resume && existsSync(checkpoint(s.stopAt))) {
		where.log(`${id}: weights of step ${s.stopAt} from ${checkpoint(s.stopAt)}`);
		w = fromGguf(new Uint8Array(readFileSync(checkpoint(s.stopAt)))).weights;
		res = JSON.parse(readFileSync(checkpoint(s.stopAt).replace(/gguf$/, 'json'), 'utf8')) as typeof res;
	} else {
		w = initWeights(c, s.initSeed);
		const weights = w;
		// Checkpoints and the progress check read the weights only; the run's bytes do not depend on them.
		const onStep = (step: number): void => {
			if (step % s.checkpointEvery === 0) {
				writeFileSync(checkpoint(step), toGguf(c, weights, `reversal-lab m1 step ${step}`, `M1 checkpoint at step ${step}`));
				const { finalLoss, tokens } = run.result();
				writeFileSync(checkpoint(step).replace(/gguf$/, 'json'), JSON.stringify({ finalLoss, tokens, seconds: Math.round((performance.now() - t0) / 1000) }));
			}
			if (step % 1000 === 0) where.log(`${id}: step ${step} greedy accuracy on ${probe.length} held-out in-domain problems ${JSON.stringify(greedyAccuracy(c, weights, probe, s.maxTokens))}`);
		};
		// The budget is a checkpoint of the schedule: the learning rate follows `train.steps`, training stops at `stopAt`.
		const run = createOptimizer(c, w, examples, sftGradient(c, w, where.helper ?? null), { ...s.train, log: (l) => where.log(`${id}: ${l}`), onStep });
		for (let step = 0; step < s.stopAt; step++) run.step();
		res = { ...run.result(), seconds: Math.round((performance.now() - t0) / 1000) };
	}
	const acc = greedyAccuracy(c, w, probe, s.maxTokens);
	where.log(`${id}: held-out greedy accuracy (trainer forward pass) ${JSON.stringify(acc)}`);
	const bytes = toGguf(c, w, `reversal-lab ${id}`, `Built-in tiny model M1 (iterative SFT). Prompt: ${JSON.stringify(PROMPT_TEMPLATE)}`);
	writeFileSync(join(where.out, file), bytes);
	const entry: M1Entry = {
		id,
		label: 'M1',
		iteration: 1,
		file,
		bytes: bytes.byteLength,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		trainingSet: { source: 'gold', examples: examples.length },
		training: { ...s.train, stopAt: s.stopAt, finalLoss: res.finalLoss, tokens: res.tokens, seconds: res.seconds, from: 'random init' },
		nodeGreedyAccuracy: acc
	};
	writeFileSync(cached, JSON.stringify(entry, null, '\t'));
	return { weights: w, entry };
}
