import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateProblems, offlinePresetProblems, presetById, TINY_LEVELS } from '../../../src/lib/core/problems';
import { readFileSync } from 'node:fs';
import { FAMILY_POOL } from '../../../src/lib/train/recipe';
import { demoStudy, DEMO_DEFAULTS } from '../../../src/lib/ui/demo/demoStudy';
import manifest from '../../../static/models/manifest.json';
import type { BuiltinManifest } from '../../../src/lib/ui/study/builtinModels';

describe("the 'tiny' preset (the built-in family's demo set)", () => {
	const demo = offlinePresetProblems('tiny', 200, DEMO_SEED);

	it('draws word problems in-domain and bare arithmetic out-of-domain, 3 to 1, at the calibrated levels only', () => {
		expect(demo).toHaveLength(200);
		expect(new Set(demo.map((p) => p.id)).size).toBe(200);
		const id = demo.filter((p) => p.split === 'in-domain');
		const ood = demo.filter((p) => p.split === 'ood');
		expect([id.length, ood.length]).toEqual([150, 50]);
		expect(id.every((p) => p.id.startsWith('word-') && (TINY_LEVELS.inDomain as readonly number[]).includes(p.level!))).toBe(true);
		expect(ood.every((p) => p.id.startsWith('arith-') && (TINY_LEVELS.ood as readonly number[]).includes(p.level!))).toBe(true);
	});

	// Bare level-1 arithmetic has only a few dozen distinct questions, so only word sets can be disjoint.
	it('shares no word problem with the self-improvement pool or the sweep calibration sets', () => {
		const questions = new Set(demo.map((p) => p.question));
		const pool = generateProblems(FAMILY_POOL);
		const calibration = [
			...generateProblems({ family: 'word', seed: 4242, count: 150, split: 'in-domain', levels: [1, 2, 3] }),
			...[1, 2, 3].flatMap((level) => generateProblems({ family: 'word', seed: 4243, count: 30, split: 'in-domain', levels: [level] }))
		];
		expect(pool.filter((p) => questions.has(p.question))).toEqual([]);
		expect(calibration.filter((p) => questions.has(p.question))).toEqual([]);
	});

	it('is the demo page study, whose first problems are the full demo set\'s first', () => {
		const study = demoStudy(manifest as unknown as BuiltinManifest, DEMO_DEFAULTS);
		expect(study.study.problemSet).toMatchObject({ source: 'builtin', id: 'tiny', seed: DEMO_SEED });
		expect(study.problems.map((p) => p.question)).toEqual(offlinePresetProblems('tiny', DEMO_DEFAULTS.problems, DEMO_SEED).map((p) => p.question));
		expect(() => offlinePresetProblems('paper', 10, 1)).toThrow(/not one made offline/);
		expect(presetById('tiny')?.online).toBe(false);
	});

	it("the page's default demo is the shipped default bundle's study: its problems, seed, sampling, prompt and grading", () => {
		const shipped = JSON.parse(readFileSync('static/demo/demo-bundle.json', 'utf8'));
		const page = demoStudy(manifest as unknown as BuiltinManifest, DEMO_DEFAULTS);
		expect(page.problems.map((p) => p.id)).toEqual(shipped.problems.map((p: { id: string }) => p.id));
		expect(page.study).toMatchObject({ seed: shipped.study.seed, sampling: shipped.study.sampling, prompt: shipped.study.prompt, extractor: shipped.study.extractor, problemSet: shipped.study.problemSet });
		expect(page.models.map((m) => m.id)).toEqual(shipped.models.filter((m: { id: string }) => /^tiny-m\d$/.test(m.id)).map((m: { id: string }) => m.id));
	});
});
