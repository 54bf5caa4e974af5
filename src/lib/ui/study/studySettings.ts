// The study page's settings checked in one place; each error names its field.
import type { SamplingParams } from '$lib/core/types';

export interface SettingsInput {
	name: string;
	seed: number;
	n: number;
	greedy: boolean;
	temperature: number;
	topP: number;
	maxTokens: number;
	template: string;
}

export function checkSettings(s: SettingsInput): string[] {
	const errors: string[] = [];
	const int = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
	if (!s.name.trim()) errors.push('Study name should not be empty.');
	if (!int(s.seed, 0, 2 ** 32 - 1)) errors.push('Seed should be a whole number from 0 to 4294967295.');
	if (!int(s.n, 0, 1024)) errors.push('Samples per problem (n) should be a whole number from 0 to 1024.');
	if (s.n === 0 && !s.greedy) errors.push('Take at least one sample: set n above 0 or turn on the greedy sample.');
	if (!(s.temperature >= 0 && s.temperature <= 2)) errors.push('Temperature should be a number from 0 to 2.');
	if (!(s.topP > 0 && s.topP <= 1)) errors.push('Top-p should be a number above 0 and at most 1.');
	if (!int(s.maxTokens, 1, 8192)) errors.push('Max tokens should be a whole number from 1 to 8192.');
	if (!s.template.includes('{question}')) errors.push('The prompt template should contain {question}.');
	return errors;
}

export function samplingOf(s: SettingsInput): SamplingParams {
	return { n: s.n, greedy: s.greedy, temperature: s.temperature, topP: s.topP, maxTokens: s.maxTokens };
}
