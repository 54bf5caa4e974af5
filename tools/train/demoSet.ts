// The demo study's problems and sampling: one owner for the sweep's cells and the shipped demo
// bundles, so a cell's figures and the shipped family's are measured on the same problems and seeds.
// Its sizes, seed, sampling and problems are core's (src/lib/core/problems/tinyDemo.ts), which the
// page's live demo reads too.
import { DEMO_SAMPLING, DEMO_SEED } from '../../src/lib/core/problems';
import type { StudyConfig } from '../../src/lib/core/types';
import { PROMPT_TEMPLATE } from '../../src/lib/train/data';

export const DEMO_STUDY: Pick<StudyConfig, 'seed' | 'sampling' | 'extractor' | 'prompt'> = {
	seed: DEMO_SEED,
	sampling: { ...DEMO_SAMPLING },
	extractor: 'gsm8k-strict',
	prompt: { style: 'raw', form: 'completion', text: PROMPT_TEMPLATE }
};
