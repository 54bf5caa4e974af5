// The public entry of the built-in generators: a seeded, stratified problem set.
import type { Problem, Split } from '../types';
import { hashString, mulberry32 } from '../random';
import { generateArithmetic, type GeneratedItem } from './arithmetic';
import { generateWordProblem } from './wordProblems';

export type GeneratorFamily = 'arithmetic' | 'word' | 'offline';

export interface GenerateOptions {
	/** 'offline' mixes the arithmetic ladder and word problems half and half. */
	family?: GeneratorFamily;
	seed: number;
	count: number;
	/** 'both' (default) alternates in-domain and OOD problems. */
	split?: Split | 'both';
	/** Levels to draw from, 1-5 (default all), taken in turn. */
	levels?: readonly number[];
}

export interface GeneratedProblem extends Problem {
	solution: string;
}

const FAMILIES: Record<Exclude<GeneratorFamily, 'offline'>, (r: () => number, s: Split, l: number) => GeneratedItem> = {
	arithmetic: generateArithmetic,
	word: generateWordProblem
};

const PREFIX = { arithmetic: 'arith', word: 'word' } as const;

export interface Stratum {
	family: 'arithmetic' | 'word';
	split: Split;
	level: number;
}

/** The strata, in the order problems are dealt: family, then split, then level, round-robin. */
export function strataOf(options: Pick<GenerateOptions, 'family' | 'split' | 'levels'>): Stratum[] {
	const { family = 'offline', split = 'both', levels = [1, 2, 3, 4, 5] } = options;
	for (const l of levels) if (!Number.isInteger(l) || l < 1 || l > 5) throw new RangeError(`levels should hold integers from 1 to 5; got ${l}.`);
	if (levels.length === 0) throw new RangeError('levels should hold at least one level from 1 to 5.');
	const families = family === 'offline' ? (['arithmetic', 'word'] as const) : [family];
	const splits: Split[] = split === 'both' ? ['in-domain', 'ood'] : [split];
	const strata: Stratum[] = [];
	for (const level of levels) for (const s of splits) for (const f of families) strata.push({ family: f, split: s, level });
	return strata;
}

/**
 * Problem i is drawn from stratum i mod (number of strata) by a generator seeded with
 * hashString(`${family}|${split}|${level}|${i}|${attempt}`, seed); a larger count therefore keeps
 * the smaller set as its prefix. Duplicate questions are redrawn (attempt + 1).
 */
export function generateProblems(options: GenerateOptions): GeneratedProblem[] {
	const { seed, count } = options;
	if (!Number.isInteger(seed)) throw new RangeError(`seed should be an integer; got ${seed}.`);
	if (!Number.isInteger(count) || count < 0 || count > 100_000) throw new RangeError(`count should be an integer from 0 to 100000; got ${count}.`);
	const strata = strataOf(options);
	const seen = new Set<string>();
	const problems: GeneratedProblem[] = [];
	for (let i = 0; i < count; i++) {
		const { family, split, level } = strata[i % strata.length] as Stratum;
		let item: GeneratedItem | undefined;
		for (let attempt = 0; !item || seen.has(item.question); attempt++) {
			// Level 1 arithmetic has few distinct questions; accept a repeat rather than loop forever.
			if (attempt > 50) break;
			const random = mulberry32(hashString(`${family}|${split}|${level}|${i}|${attempt}`, seed >>> 0));
			item = FAMILIES[family](random, split, level);
		}
		const it = item as GeneratedItem;
		seen.add(it.question);
		problems.push({
			// The seed is part of the id: sets from different seeds (test set, exemplar pool) never share ids.
			id: `${PREFIX[family]}-${split === 'ood' ? 'ood' : 'id'}-L${level}-s${seed}-${String(i).padStart(4, '0')}`,
			question: it.question,
			answer: String(it.answer),
			answerType: 'number',
			split,
			level,
			subject: it.subject,
			solution: it.solution
		});
	}
	return problems;
}

/** The same item with its operand roles and template ids, for tests and tools. */
export function generateItem(stratum: Stratum, seed: number): GeneratedItem {
	return FAMILIES[stratum.family](mulberry32(seed >>> 0), stratum.split, stratum.level);
}
