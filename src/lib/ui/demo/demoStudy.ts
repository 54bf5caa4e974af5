// The live demo's study: the built-in tiny family on built-in problems, prompted and graded exactly
// as the family was trained (the manifest's "prompt" block), like the shipped demo bundle.
import { DEMO_SAMPLING, DEMO_SEED, DEMO_SIZES, demoProblems } from '$lib/core/problems';
import type { ExtractorId, ModelRef } from '$lib/core/types';
import { EXTRACTOR_IDS } from '$lib/core/grading';
import { MAX_LANES } from '$lib/engines/registry';
import type { StoredStudy } from '$lib/runner/types';
import type { BuiltinManifest } from '$lib/ui/study/builtinModels';
import { builtinRef, builtinTemplate } from '$lib/ui/study/builtinModels';

export interface DemoOptions {
	problems: number;
	n: number;
	autostart: boolean;
	/** Models sampled at once (?lanes=, for measurements); undefined = the engine registry's default. */
	lanes?: number;
}

export const DEMO_DEFAULTS: DemoOptions = { problems: DEMO_SIZES.demo, n: DEMO_SAMPLING.n, autostart: false };
/**
 * About how many points wide a 95% interval on pass@1 is at `problems` problems: 2 x 1.96 x
 * sqrt(p (1 - p) / problems) at its widest (p = 0.5), about 196 / sqrt(problems) points, taken as
 * 200 / sqrt(problems): 32 at the default 40 problems (the shipped demo's bootstrap intervals on M1:
 * 30), 14 at 200 (13).
 */
export function pass1IntervalPoints(problems: number): number {
	return Math.round(200 / Math.sqrt(Math.max(problems, 1)));
}
const LIMITS = { problems: [1, 200], n: [0, 64], lanes: [1, MAX_LANES] } as const;

/** Reads ?problems=&n=&lanes=&autostart; a bad value is named and its default kept. */
export function demoOptions(params: URLSearchParams): { options: DemoOptions; errors: string[] } {
	const options: DemoOptions = { ...DEMO_DEFAULTS, autostart: params.has('autostart') };
	const errors: string[] = [];
	for (const key of ['problems', 'n', 'lanes'] as const) {
		const raw = params.get(key);
		if (raw === null) continue;
		const value = Number(raw);
		const [lo, hi] = LIMITS[key];
		if (raw.trim() === '' || !Number.isInteger(value) || value < lo || value > hi) {
			errors.push(`Query parameter "${key}" should be a whole number from ${lo} to ${hi}; got "${raw}". Using ${options[key] ?? 'the default'}.`);
		} else options[key] = value;
	}
	return { options, errors };
}

/** The stored study of one demo configuration; its id is fixed, so a new run replaces the last one. */
export function demoStudy(manifest: BuiltinManifest, options: DemoOptions, now = new Date()): StoredStudy {
	const template = builtinTemplate(manifest);
	if (!template) throw new Error('The built-in models manifest has no "prompt" block, so the demo cannot prompt them as they were trained.');
	if (!manifest.models.length) throw new Error('The built-in models manifest lists no models.');
	const wanted = manifest.prompt?.extractor ?? 'gsm8k-strict';
	if (!(EXTRACTOR_IDS as readonly string[]).includes(wanted)) throw new Error(`The manifest's prompt.extractor "${wanted}" is not an extractor this app knows.`);
	const extractor = wanted as ExtractorId;
	const problems = demoProblems(options.problems);
	const models: ModelRef[] = manifest.models.map((m, order) => builtinRef(m, order));
	const id = `demo-live-${options.problems}x${options.n}`;
	const stamp = now.toISOString();
	return {
		id,
		study: {
			id,
			name: `Live demo: tiny M1-M${models.length}, ${options.problems} problems, greedy + ${options.n} samples`,
			seed: DEMO_SEED,
			sampling: { ...DEMO_SAMPLING, n: options.n },
			prompt: template,
			extractor,
			problemSet: { source: 'builtin', id: 'tiny', seed: DEMO_SEED, count: problems.length },
			reference: (models[0] as ModelRef).id
		},
		problems,
		models,
		exemplars: [],
		status: 'new',
		createdAt: stamp,
		updatedAt: stamp
	};
}
