// Retrains a round the page's live loop trained, from the model it started from and the round's
// record (a bundle's model `training` field), with the same code the page's worker runs; prints the
// sha256 beside the recorded one. `npm run models:train -- --replay <bundle.json> <model id> <start.gguf> [out.gguf]`
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ModelRef } from '../../src/lib/core/types';
import { trainedModelMeta, trainRound } from '../../src/lib/train/trainRound';
import { readInput } from '../cli/readInput';

/** The trained GGUF of `model`, retrained in Node from `start`. */
export async function replayModel(model: ModelRef, start: Uint8Array): Promise<Uint8Array> {
	const t = model.training;
	if (!t) throw new Error(`model "${model.label}" has no training record: only models trained by the live loop can be replayed`);
	const { gguf } = await trainRound(start, t, trainedModelMeta(model.label, t), { checkpoint: async () => {}, progress: () => {} });
	return gguf;
}

export async function replayMain(args: string[]): Promise<void> {
	const [bundlePath, modelId, startPath, out] = args;
	if (!bundlePath || !modelId || !startPath) throw new Error('usage: --replay <bundle.json> <model id> <start.gguf> [out.gguf]');
	// The report's own reading path: size caps, gzip, validation with located errors.
	const { bundle } = await readInput({ command: 'report', files: [bundlePath], quiet: true, timings: false });
	const model = bundle.models.find((m) => m.id === modelId);
	if (!model) throw new Error(`${bundlePath} has no model "${modelId}" (it has ${bundle.models.map((m) => m.id).join(', ')})`);
	const start = new Uint8Array(readFileSync(startPath));
	const startSha = createHash('sha256').update(start).digest('hex');
	if (model.training && startSha !== model.training.from.sha256) throw new Error(`${startPath} is not the model ${model.label} started from: its sha256 is ${startSha}, the record says ${model.training.from.sha256}`);
	const gguf = await replayModel(model, start);
	const sha = createHash('sha256').update(gguf).digest('hex');
	if (out) writeFileSync(out, gguf);
	console.log(`${model.label}: retrained sha256 ${sha}; recorded ${model.training?.sha256}; ${sha === model.training?.sha256 ? 'identical' : 'DIFFERENT'}`);
	if (sha !== model.training?.sha256) process.exitCode = 1;
}
