import type { ExtractorId } from '../types';

/** What a grader says about one output: the answer it found (kept for display and voting) and the verdict. */
export interface Grade {
	/** Normalised extracted answer, or null when the extractor found none. */
	answer: string | null;
	correct: boolean;
	/** Why, in words: which rule found the answer and how it was compared. */
	explanation?: string;
}

/** Opt-in grading choices; the defaults are exact. */
export interface GradeOptions {
	/**
	 * Relative tolerance for numbers (e.g. 1e-6 accepts 0.333333333 for 1/3). Default 0: rational
	 * numbers must be equal exactly.
	 */
	tolerance?: number;
}

/** The named extractors, in the order the UI lists them. */
export const EXTRACTOR_IDS: readonly ExtractorId[] = ['auto', 'gsm8k-strict', 'flexible', 'answer-is', 'boxed', 'choice'];
