import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ModelRef, StudyConfig } from '../types';
import { fromBase64Url, toBase64Url } from './base64url';
import { formatPath, IssueList, StudyError, type Issue } from './errors';
import { SharedStudySchema } from './schema';
import { shareDictionary } from './shareDictionary';

/**
 * Version prefix of the share strings made now. "s1." = deflate without dictionary (still read);
 * "s2." = deflate with the frozen preset dictionary of shareDictionary.ts (~3x shorter links).
 */
export const SHARE_PREFIX = 's2.';
const READABLE = ['s1.', 's2.'] as const;
/** Longest share string accepted (URL hashes beyond this are not shared configurations). */
export const MAX_SHARE_CHARS = 32_000;
/** Largest inflated configuration accepted, so a crafted link cannot expand into a memory bomb. */
export const MAX_SHARE_JSON_BYTES = 256_000;

/**
 * Models a link can name: imported ones stand for samples from elsewhere and cannot be run again. A
 * trained model keeps its training record without the pool samples (hundreds of texts would
 * overflow a link): enough to name it and to find it by sha256 among the models of the receiving
 * browser; its file never travels.
 */
export function shareableModels(models: readonly ModelRef[]): ModelRef[] {
	return models
		.filter((m) => m.engine !== 'import')
		.map((m, order) => ({ ...m, order, ...(m.training ? { training: { ...m.training, samples: [] } } : {}) }));
}

/**
 * A study configuration, with its runnable models, as a compact URL-hash string: "s2." +
 * base64url(deflate(JSON)). Throws a StudyError ('invalid-share') naming the field when the
 * configuration is not valid, so a link that could not be opened again is never made.
 */
export function encodeStudyConfig(config: StudyConfig, models: readonly ModelRef[] = []): string {
	const runnable = shareableModels(models);
	const parsed = SharedStudySchema.safeParse(runnable.length ? { ...config, models: runnable } : config);
	if (!parsed.success) {
		const issues = new IssueList();
		for (const issue of parsed.error.issues) issues.add(formatPath(['study', ...issue.path]), issue.message);
		throw new StudyError('invalid-share', issues.issues, issues.omitted);
	}
	const json = JSON.stringify(parsed.data);
	return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9, dictionary: shareDictionary() }));
}

/** `models` is empty for links that name none (all links made before models were shared). */
export type DecodeResult = { ok: true; config: StudyConfig; models: ModelRef[] } | { ok: false; errors: Issue[]; omitted: number };

function fail(message: string, path = ''): DecodeResult {
	return { ok: false, errors: [{ path, message }], omitted: 0 };
}

/**
 * The study configuration in a share string, validated with the same schema as bundles. The text
 * is data: it is inflated with a size cap, parsed as JSON and checked, never executed.
 */
export function decodeStudyConfig(text: string): DecodeResult {
	const s = text.trim().replace(/^#/, '');
	if (s.length > MAX_SHARE_CHARS) return fail(`the link's study is ${s.length} characters, over the ${MAX_SHARE_CHARS} limit`);
	const prefix = READABLE.find((p) => s.startsWith(p));
	if (!prefix) {
		const v = /^s(\d+)\./.exec(s);
		return fail(v ? `this link was made by a newer Reversal Lab (format s${v[1]}); update the app` : `not a Reversal Lab study link (it should start with "${SHARE_PREFIX}")`);
	}
	const bytes = fromBase64Url(s.slice(prefix.length));
	if (!bytes) return fail('the link is damaged (characters outside base64url); copy it again in full');
	let json: string;
	try {
		const out = inflateSync(bytes, {
			out: new Uint8Array(MAX_SHARE_JSON_BYTES + 1),
			...(prefix === 's2.' ? { dictionary: shareDictionary() } : {})
		});
		if (out.length > MAX_SHARE_JSON_BYTES) return fail(`the link's study expands beyond ${MAX_SHARE_JSON_BYTES} bytes`);
		json = strFromU8(out);
	} catch {
		return fail('the link is damaged (it does not decompress); copy it again in full');
	}
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return fail('the link is damaged (its content is not JSON); copy it again in full');
	}
	const parsed = SharedStudySchema.safeParse(value);
	if (parsed.success) {
		const { models = [], ...config } = parsed.data;
		return { ok: true, config, models };
	}
	const issues = new IssueList();
	for (const issue of parsed.error.issues) issues.add(formatPath(['study', ...issue.path]), issue.message);
	return { ok: false, errors: issues.issues, omitted: issues.omitted };
}
