// The built-in demo study's fixed parts, with one owner for the page's live demo
// (src/lib/ui/demo/demoStudy.ts) and the shipped demo bundles and sweep cells (tools/train): the same
// problems, seed and sampling, so the page's default run is the shipped default bundle's study.
import type { Problem, SamplingParams } from '../types';
import { offlinePresetProblems } from './presets';

/** Seed of the problems and of every sample seed. */
export const DEMO_SEED = 7;

/** The page's default demo (40 problems) and the full study (200: a 5-point change is then told from noise). */
export const DEMO_SIZES = { demo: 40, full: 200 } as const;

/** Greedy + 8 at temperature 0.8, with room for the family's longest answers. */
export const DEMO_SAMPLING: Readonly<SamplingParams> = { n: 8, greedy: true, temperature: 0.8, topP: 1, maxTokens: 320 };

/** The first `count` problems of the demo set (each size's problems begin the larger one's). */
export function demoProblems(count: number): Problem[] {
	return offlinePresetProblems('tiny', count, DEMO_SEED);
}
