// A training record (core/types TrainingRecord) back into the round it describes: the page's
// worker trains from it, and tools/train/replay.ts retrains it in Node to check the bytes.
import { generateProblems } from '../core/problems';
import type { TrainingRecord } from '../core/types';
import type { ModelConfig } from './config';
import type { GradientHelper } from './gradientHelper';
import { prepareRound, type PreparedRound, type RoundSettings } from './round';

export function roundSettingsOf(record: Pick<TrainingRecord, 'method' | 'round'>): RoundSettings {
	return { kind: record.method, ...record.round };
}

/** Sets up the recorded round on `w` (trained in place by stepping the returned optimizer). */
export function recordRound(c: ModelConfig, w: Float64Array, record: Pick<TrainingRecord, 'method' | 'round' | 'pool' | 'samples'>, helper: GradientHelper | null = null): PreparedRound {
	const problems = generateProblems(record.pool);
	return prepareRound(c, w, problems, record.samples, roundSettingsOf(record), helper);
}
