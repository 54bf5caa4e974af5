// The one owner of the study form: name, seed, sampling, number of problems, prompt template and
// extractor. The study page, the problems page (preset count, prompt preview) and share links all
// read and write this store, so the style the page shows is the style the exemplar picker reads and
// both pages start from the same number of problems. Nothing here runs at import time.
import type { ExtractorId, Problem, ProblemSetRef, PromptForm, PromptStyle, PromptTemplate, StudyConfig } from '$lib/core/types';
import { makeTemplate, pickExemplars, type Preset } from '$lib/core/problems';
import { checkSettings, samplingOf, type SettingsInput } from './studySettings';
import { suggestedMaxTokens } from './outputLength';

export type TemplateChoice = 'builtin' | 'standard';

/**
 * Problems a preset gives a new study: enough for every split and level of the offline preset, few
 * enough that a first study of the five built-in models (x greedy + 8) runs in about a minute.
 */
export const DEFAULT_PROBLEM_COUNT = 20;

class StudyFormStore {
	name = $state('My study');
	seed = $state(1);
	/** How many problems a preset is asked for (the problems and study pages' Count). */
	problemCount = $state(DEFAULT_PROBLEM_COUNT);
	n = $state(8);
	greedy = $state(true);
	temperature = $state(0.8);
	topP = $state(0.95);
	templateChoice = $state<TemplateChoice>('standard');
	style = $state<PromptStyle>('zero-shot-cot');
	form = $state<PromptForm>('completion');
	extractor = $state<ExtractorId>('gsm8k-strict');
	shots = $state(3);
	/** The built-in models' own template, once their manifest is read. */
	builtin = $state.raw<PromptTemplate | undefined>();

	/** The template the study runs: the built-in models' own, or a standard one from style, form, extractor and shots. */
	readonly template = $derived<PromptTemplate>(
		this.templateChoice === 'builtin' && this.builtin
			? this.builtin
			: makeTemplate({ style: this.style, form: this.form, extractor: this.extractor, shots: this.shots })
	);
	/** A value the user typed, kept for as long as the template it was typed for (`for`) is the current one. */
	#ownText = $state.raw<{ value: string; for: string } | undefined>();
	#ownMaxTokens = $state<number | undefined>();

	/** The template text; the user's edits last until the template changes. */
	get templateText(): string {
		return this.#ownText?.for === this.template.text ? this.#ownText.value : this.template.text;
	}
	set templateText(value: string) {
		this.#ownText = { value, for: this.template.text };
	}

	/** The max tokens the current template suggests: 320 for the built-in models, 512 for chain of thought. */
	readonly suggestedMaxTokens = $derived(suggestedMaxTokens(this.template, this.templateChoice === 'builtin'));

	/** Max tokens: the template's suggestion until the user (or a share link) sets it; then what was set. */
	get maxTokens(): number {
		return this.#ownMaxTokens ?? this.suggestedMaxTokens;
	}
	set maxTokens(value: number) {
		this.#ownMaxTokens = value;
	}

	settings(): SettingsInput {
		const { name, seed, n, greedy, temperature, topP, maxTokens, templateText } = this;
		return { name, seed, n, greedy, temperature, topP, maxTokens, template: templateText };
	}

	check(): string[] {
		return checkSettings(this.settings());
	}

	/** The study configuration the form describes, for a study with this id and problem set. */
	config(id: string, problemSet: ProblemSetRef): StudyConfig {
		return {
			id,
			name: this.name.trim(),
			seed: this.seed,
			sampling: samplingOf(this.settings()),
			prompt: { ...this.template, text: this.templateText },
			extractor: this.extractor,
			problemSet: { ...problemSet }
		};
	}

	/** Few-shot exemplars for a problem set, drawn from its pool (disjoint from its problems); none for other styles. */
	exemplars(set: { pool: readonly Problem[]; problems: readonly Problem[]; seed: number }): { list: Problem[]; error?: string } {
		if (this.template.style !== 'few-shot-cot') return { list: [] };
		try {
			return { list: pickExemplars(set.pool, set.problems, this.template.shots ?? this.shots, set.seed) };
		} catch (e) {
			return { list: [], error: e instanceof Error ? e.message : String(e) };
		}
	}

	/** The built-in models' manifest is read: offer their template, and choose it with its extractor. */
	useBuiltin(template: PromptTemplate | undefined, extractor: ExtractorId | undefined): void {
		this.builtin = template;
		if (!template) return;
		this.templateChoice = 'builtin';
		if (extractor) this.extractor = extractor;
	}

	/** A preset's answer format becomes the extractor ("auto" presets read "The answer is"). */
	followPreset(preset: Preset | undefined): void {
		if (preset) this.extractor = preset.extractor === 'auto' ? 'answer-is' : preset.extractor;
	}

	/** Fills the form from a configuration (a share link's); the problem set is the caller's. */
	apply(c: StudyConfig): void {
		this.name = c.name;
		this.seed = c.seed;
		({ n: this.n, greedy: this.greedy, temperature: this.temperature, topP: this.topP } = c.sampling);
		this.extractor = c.extractor;
		if (this.builtin && c.prompt.text === this.builtin.text) this.templateChoice = 'builtin';
		else {
			this.templateChoice = 'standard';
			if (c.prompt.style !== 'raw') this.style = c.prompt.style;
			this.form = c.prompt.form;
			if (c.prompt.shots !== undefined) this.shots = c.prompt.shots;
		}
		this.templateText = c.prompt.text;
		this.maxTokens = c.sampling.maxTokens;
	}
}

export const studyForm = new StudyFormStore();
