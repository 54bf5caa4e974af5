// The named problem sets a study can start from. Online parts are filled by the dataset loader;
// everything else here is pure: the same loaded rows, seed and count give the same problems.
import type { ExtractorId, Problem, Split } from '../types';
import { hashString } from '../random';
import type { DatasetId } from './adapters';
import { generateProblems, type GeneratorFamily } from './generateProblems';
import { seededSubset } from './seededSubset';

/** 'tiny': the built-in family's demo set, defined by the sweep's calibration (tools/train/sweep.ts). */
export type PresetId = 'paper' | 'offline' | 'commonsense' | 'svamp' | 'tiny';

export type PresetPart =
	| {
			source: 'builtin';
			family: GeneratorFamily;
			/** Which generated split and levels to draw (default: both splits, levels 1-5). */
			split?: Split | 'both';
			levels?: readonly number[];
			/** The split the study files these problems under, when it is not the generator's own. */
			as?: Split;
			/** Share of the set's count, relative to the other parts' (default 1). */
			weight?: number;
	  }
	| { source: 'huggingface'; dataset: DatasetId; split: Split; levels?: readonly number[] };

export interface Preset {
	id: PresetId;
	label: string;
	description: string;
	online: boolean;
	parts: readonly PresetPart[];
	/** The extractor the preset's answers are meant for (the study may choose another). */
	extractor: ExtractorId;
}

/**
 * The levels of the built-in family's demo set, fixed by sweep 2's rule 2 (README, "Sweep 2"): every
 * level where the shipped M1's greedy accuracy on a calibration sample (seed 4243, 30 a cell, through
 * llama.cpp) is at least 5% in-domain and 10% out-of-domain, so that a fall can be seen.
 */
export const TINY_LEVELS = { inDomain: [1, 2, 3], ood: [2, 3] } as const;

export const PRESETS: readonly Preset[] = [
	{
		id: 'paper',
		label: 'Paper: GSM8K in-domain + MATH out-of-domain, levels 1-5',
		description: 'The setting of Wu, Li and Liu (ICLR 2025): grade-school word problems as the in-domain set, competition mathematics (stratified by level 1-5) as the out-of-domain set. Loaded from Hugging Face and cached in this browser.',
		online: true,
		parts: [
			{ source: 'huggingface', dataset: 'gsm8k', split: 'in-domain' },
			{ source: 'huggingface', dataset: 'math', split: 'ood', levels: [1, 2, 3, 4, 5] }
		],
		extractor: 'auto'
	},
	{
		id: 'offline',
		label: 'Offline: arithmetic ladder + word problems',
		description: 'Generated in the browser from a seed, nothing downloaded: arithmetic and multi-step word problems, levels 1-5, with out-of-domain variants (larger numbers, unseen phrasings, more steps).',
		online: false,
		parts: [{ source: 'builtin', family: 'offline' }],
		extractor: 'gsm8k-strict'
	},
	{
		id: 'tiny',
		label: 'Built-in family: word problems + bare arithmetic out-of-domain',
		description: 'The built-in tiny models\' own task, generated from a seed: multi-step word problems (their training task, in-domain) and bare arithmetic expressions, a format M1 met in its base data but no self-improvement round trains on (out-of-domain), 3 to 1, at the levels where their M1 is measurably above zero.',
		online: false,
		parts: [
			{ source: 'builtin', family: 'word', split: 'in-domain', levels: TINY_LEVELS.inDomain, weight: 3 },
			{ source: 'builtin', family: 'arithmetic', split: 'in-domain', levels: TINY_LEVELS.ood, as: 'ood', weight: 1 }
		],
		extractor: 'gsm8k-strict'
	},
	{
		id: 'commonsense',
		label: 'Commonsense: CommonsenseQA',
		description: 'Five-way multiple-choice commonsense questions (the validation split, whose answers are public). Loaded from Hugging Face and cached in this browser.',
		online: true,
		parts: [{ source: 'huggingface', dataset: 'commonsenseqa', split: 'in-domain' }],
		extractor: 'choice'
	},
	{
		id: 'svamp',
		label: 'SVAMP: varied one-step word problems',
		description: 'Grade-school word problems with small changes to wording and question (Patel et al., 2021), a robustness check. Loaded from Hugging Face and cached in this browser.',
		online: true,
		parts: [{ source: 'huggingface', dataset: 'svamp', split: 'in-domain' }],
		extractor: 'answer-is'
	}
];

export function presetById(id: string): Preset | undefined {
	return PRESETS.find((p) => p.id === id);
}

/** The problems of a preset made entirely in the browser (no download): `count` of them from `seed`. */
export function offlinePresetProblems(id: PresetId, count: number, seed: number): Problem[] {
	const preset = presetById(id);
	if (!preset || preset.online) throw new Error(`preset "${id}" is not one made offline`);
	return assemblePreset(preset, [], count, seed).problems;
}

/** count shared out over parts as evenly as possible, earlier parts taking the remainder. */
export function partCounts(count: number, parts: number): number[] {
	return Array.from({ length: parts }, (_, i) => Math.floor(count / parts) + (i < count % parts ? 1 : 0));
}

/** count shared out in proportion to the weights (largest remainders, earlier parts first on ties). */
export function weightedCounts(count: number, weights: readonly number[]): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (count * w) / total);
	const counts = exact.map(Math.floor);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let r = count - counts.reduce((a, b) => a + b, 0), j = 0; r > 0; r--, j++) counts[order[j]![1]]!++;
	return counts;
}

export interface AssembledSet {
	problems: Problem[];
	/** Problems not in the set, with solutions where the source has them: the few-shot pool. */
	pool: Problem[];
	skipped: number;
}

/**
 * The preset's problems. `loaded[i]` holds the adapted problems of part i when it is online
 * (ignored for built-in parts). Each part is subsampled with its own seed derived from the study's.
 */
export function assemblePreset(preset: Preset, loaded: readonly (readonly Problem[] | undefined)[], count: number, seed: number): AssembledSet {
	const weighted = preset.parts.some((p) => p.source === 'builtin' && p.weight !== undefined);
	const counts = weighted ? weightedCounts(count, preset.parts.map((p) => (p.source === 'builtin' ? (p.weight ?? 1) : 1))) : partCounts(count, preset.parts.length);
	const problems: Problem[] = [];
	const pool: Problem[] = [];
	preset.parts.forEach((part, i) => {
		const n = counts[i] as number;
		if (part.source === 'builtin') {
			const draw = { family: part.family, split: part.split, levels: part.levels };
			const relabel = (ps: Problem[]): Problem[] => (part.as ? ps.map((p) => ({ ...p, split: part.as as Split })) : ps);
			problems.push(...relabel(generateProblems({ ...draw, seed, count: n })));
			// Exemplars come from another seed's problems; renderPrompt's caller filters overlaps.
			pool.push(...relabel(generateProblems({ ...draw, seed: (hashString('exemplars', seed >>> 0) & 0x7fffffff) + 1, count: 50 })));
			return;
		}
		const rows = (loaded[i] ?? []).filter((p) => !part.levels || (p.level !== undefined && part.levels.includes(p.level)));
		const chosen = seededSubset(rows, n, hashString(`${preset.id}|${i}`, seed >>> 0));
		const ids = new Set(chosen.map((p) => p.id));
		problems.push(...chosen);
		pool.push(...rows.filter((p) => !ids.has(p.id)).slice(0, 100));
	});
	return { problems, pool, skipped: 0 };
}
