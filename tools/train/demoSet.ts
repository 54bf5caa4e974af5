// The demo study's problems and sampling: one owner for the sweep's cells and the shipped demo
// bundles, so a cell's figures and the shipped family's are measured on the same problems and seeds.
import { offlinePresetProblems } from '../../src/lib/core/problems';
import type { Problem, StudyConfig } from '../../src/lib/core/types';
import { PROMPT_TEMPLATE } from '../../src/lib/train/data';

/** The page's default demo (40 problems) and the full study (200: a 5-point change is then told from noise). */
export const DEMO_SIZES = { demo: 40, full: 200 } as const;

export const DEMO_STUDY: Pick<StudyConfig, 'seed' | 'sampling' | 'extractor' | 'prompt'> = {
	seed: 7,
	sampling: { n: 8, greedy: true, temperature: 0.8, topP: 1, maxTokens: 320 },
	extractor: 'gsm8k-strict',
	prompt: { style: 'raw', form: 'completion', text: PROMPT_TEMPLATE }
};

export function demoProblems(count: number): Problem[] {
	return offlinePresetProblems('tiny', count, DEMO_STUDY.seed);
}
