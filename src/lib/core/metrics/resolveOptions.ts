import type { ModelRef, StudyConfig } from '../types';
import type { MinEffect, ReportOptions, ResolvedOptions } from './reportTypes';

/** METRICS.md section 10's defaults: 2 percentage points, 0.02 of a 0-1 diversity scale, 1 problem. */
export const DEFAULT_MIN_EFFECT: Readonly<MinEffect> = { accuracy: 0.02, diversity: 0.02, problems: 1 };

function fail(key: string, message: string): never {
	throw new RangeError(`options.${key} ${message}`);
}

/** Report options with their defaults, each checked, errors naming the key. */
export function resolveOptions(options: ReportOptions, study: StudyConfig, models: readonly ModelRef[]): ResolvedOptions {
	const {
		reference = study.reference ?? [...models].sort((a, b) => a.order - b.order)[0]?.id,
		bootstrap = 2000,
		bootstrapSeed = study.seed,
		confidence = 0.95,
		eadVocabulary = 32000,
		verdictDiversitySubset = 'correct',
		forgettingRatio = 0.5
	} = options;
	const minEffect = { ...DEFAULT_MIN_EFFECT, ...options.minEffect };
	if (reference === undefined) fail('reference', 'cannot be chosen: the study has no models');
	if (!models.some((m) => m.id === reference)) {
		const where = options.reference === undefined ? 'study.reference' : 'options.reference';
		throw new RangeError(`${where} should be one of the study's models (${models.map((m) => m.id).join(', ')}), got '${reference}'`);
	}
	if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100_000) fail('bootstrap', `should be an integer between 0 and 100000, got ${bootstrap}`);
	if (!Number.isInteger(bootstrapSeed)) fail('bootstrapSeed', `should be an integer, got ${bootstrapSeed}`);
	if (!(confidence > 0 && confidence < 1)) fail('confidence', `should be a number between 0 and 1, got ${confidence}`);
	if (!(eadVocabulary > 1) || !Number.isFinite(eadVocabulary)) fail('eadVocabulary', `should be a number above 1, got ${eadVocabulary}`);
	if (!['all', 'correct', 'incorrect'].includes(verdictDiversitySubset)) fail('verdictDiversitySubset', `should be 'all', 'correct' or 'incorrect', got '${String(verdictDiversitySubset)}'`);
	if (!(forgettingRatio >= 0) || !Number.isFinite(forgettingRatio)) fail('forgettingRatio', `should be a non-negative number, got ${forgettingRatio}`);
	for (const [kind, v] of Object.entries(minEffect)) if (!(v >= 0) || !Number.isFinite(v)) fail(`minEffect.${kind}`, `should be a non-negative number, got ${v}`);
	return { reference, bootstrap, bootstrapSeed, confidence, eadVocabulary, verdictDiversitySubset, forgettingRatio, minEffect };
}
