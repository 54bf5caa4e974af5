import type { SampleLine } from './lineSchema';

const SPLITS = new Set(['in-domain', 'ood']);
const ANSWER_TYPES = new Set(['number', 'latex', 'choice']);
const FINISHES = new Set(['stop', 'length']);

const isName = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= 500;
const isIntAtLeast = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || ok(v);
const isString = (v: unknown): boolean => typeof v === 'string';

function isStringArray(v: unknown): boolean {
	if (!Array.isArray(v)) return false;
	for (const x of v) if (typeof x !== 'string') return false;
	return true;
}

/**
 * The fast path of SampleLineSchema for the common well-formed line: a check over the plain object
 * JSON.parse gave, accepting only lines the schema accepts *and* leaves unchanged (names and gold
 * already strings), so the object itself can stand for the parsed line (no copy, no garbage).
 * Anything else returns undefined and goes through the schema, which converts what it converts and
 * words the located errors; the fast path is stricter than the schema, never looser.
 */
export function fastSampleLine(raw: Record<string, unknown>): SampleLine | undefined {
	const ok =
		isName(raw.model) &&
		isName(raw.problem_id) &&
		isIntAtLeast(raw.sample_index, -1) &&
		typeof raw.text === 'string' &&
		optional(raw.gold, isString) &&
		optional(raw.question, isString) &&
		optional(raw.split, (v) => SPLITS.has(v as string)) &&
		optional(raw.level, (v) => isIntAtLeast(v, 1)) &&
		optional(raw.subject, isString) &&
		optional(raw.answer_type, (v) => ANSWER_TYPES.has(v as string)) &&
		optional(raw.choices, isStringArray) &&
		optional(raw.correct, (v) => typeof v === 'boolean') &&
		optional(raw.answer, (v) => v === null || typeof v === 'string') &&
		optional(raw.seed, (v) => isIntAtLeast(v, 0) && (v as number) <= 0xffffffff) &&
		optional(raw.tokens, (v) => isIntAtLeast(v, 0)) &&
		optional(raw.ms, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0) &&
		optional(raw.finish, (v) => FINISHES.has(v as string));
	return ok ? (raw as SampleLine) : undefined;
}
