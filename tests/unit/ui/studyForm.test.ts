// The study form's one owner (a runes store, compiled for Node by the Svelte plugin).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePreset, presetById, type Preset } from '../../../src/lib/core/problems';
import { parseBundle } from '../../../src/lib/core/study';
import { studyForm } from '../../../src/lib/ui/study/studyForm.svelte';
import { BUILTIN_REACH, builtinCutShare, maxTokensWarning } from '../../../src/lib/ui/study/outputLength';

const set = assemblePreset(presetById('offline') as Preset, [], 20, 7);
const problemSet = { ...set, seed: 7 };

describe('studyForm', () => {
	it('studyForm.exemplars(set) follows the style the form shows: few-shot gives `shots` exemplars, zero-shot none', () => {
		studyForm.templateChoice = 'standard';
		studyForm.style = 'zero-shot-cot';
		expect(studyForm.exemplars(problemSet).list).toHaveLength(0);
		studyForm.style = 'few-shot-cot';
		expect(studyForm.exemplars(problemSet).list).toHaveLength(3);
		const config = studyForm.config('s1', { source: 'builtin', id: 'offline', seed: 7, count: 20 });
		expect(config.prompt).toMatchObject({ style: 'few-shot-cot', shots: 3 });
		studyForm.style = 'zero-shot-cot';
	});

	it('studyForm.maxTokens follows the template (built-in 320, chain of thought 512) until the user sets it, then keeps it', () => {
		studyForm.useBuiltin({ style: 'raw', form: 'completion', text: 'Q: {question}\nA: ' }, 'gsm8k-strict');
		expect(studyForm.maxTokens).toBe(320);
		studyForm.templateChoice = 'standard';
		expect(studyForm.maxTokens).toBe(512);
		studyForm.maxTokens = 100;
		expect(studyForm.maxTokens).toBe(100);
		// A value typed before the built-in models' manifest arrives, or before another template is chosen, stays.
		studyForm.style = 'raw';
		studyForm.templateChoice = 'builtin';
		expect(studyForm.maxTokens).toBe(100);
		expect(studyForm.suggestedMaxTokens).toBe(320);
		studyForm.style = 'zero-shot-cot';
		studyForm.templateChoice = 'standard';
	});

	it('studyForm.apply(config) restores a share link’s template text and max tokens over the defaults', () => {
		const config = studyForm.config('s2', { source: 'upload', id: 'x.jsonl', count: 3 });
		studyForm.apply({ ...config, name: 'shared', sampling: { ...config.sampling, maxTokens: 77 }, prompt: { ...config.prompt, text: 'Edited {question}' } });
		expect([studyForm.name, studyForm.maxTokens, studyForm.templateText]).toEqual(['shared', 77, 'Edited {question}']);
	});
});

describe('outputLength', () => {
	it('BUILTIN_REACH is the shipped full-size demo’s share of outputs reaching 16, 32, ..., 320 tokens', () => {
		const r = parseBundle(readFileSync(new URL('../../../static/demo/demo-full-bundle.json', import.meta.url), 'utf8'));
		if (!r.ok) throw new Error('demo-full bundle');
		const tokens = r.bundle.samples.map((s) => s.tokens);
		const reach = BUILTIN_REACH.map((_, i) => tokens.filter((t) => t >= 16 * (i + 1)).length / tokens.length);
		// Within 0.03: a retrained family that moves further should refresh the table.
		reach.forEach((x, i) => expect(Math.abs(x - (BUILTIN_REACH[i] as number)), `at ${16 * (i + 1)} tokens`).toBeLessThan(0.03));
	});

	it('maxTokensWarning says how many built-in outputs 96 tokens cut, and nothing at 320', () => {
		const builtin = { style: 'raw' as const, form: 'completion' as const, text: 'Q: {question}\nA: ' };
		expect(builtinCutShare(96)).toBe(0.357);
		expect(maxTokensWarning(builtin, true, 96)).toMatch(/^About 36% of the built-in models' outputs run to 96 tokens or more/);
		expect(maxTokensWarning(builtin, true, 320)).toBeUndefined();
		expect(maxTokensWarning({ style: 'zero-shot-cot', form: 'chat', text: '' }, false, 200)).toMatch(/Below this template's default of 512 tokens/);
	});
});
