import type { Bundle } from '../types';
import { checkBundle } from './checkBundle';
import { formatPath, IssueList, type Issue } from './errors';
import { parseJsonText } from './parseJsonText';
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleSchema } from './schema';


export type BundleResult = { ok: true; bundle: Bundle } | { ok: false; errors: Issue[]; omitted: number };

/**
 * Read a bundle from JSON text or an already-parsed value, trusting nothing: structure and types
 * by the zod schema, then cross-checks. Errors name the place, e.g.
 * "samples[1042].problem: unknown problem id 'gsm8k-17'"; the first 20 are listed, the rest counted.
 */
export function parseBundle(input: string | unknown): BundleResult {
	let value: unknown = input;
	if (typeof input === 'string') {
		const parsed = parseJsonText(input);
		if (!parsed.ok) return { ok: false, errors: [{ path: '', message: parsed.message }], omitted: 0 };
		value = parsed.value;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, errors: [{ path: '', message: 'a bundle is a JSON object with a "format" field' }], omitted: 0 };
	}
	const head = value as Record<string, unknown>;
	if (head.format !== BUNDLE_FORMAT) {
		return {
			ok: false,
			errors: [{ path: 'format', message: `should be "${BUNDLE_FORMAT}" (got ${JSON.stringify(head.format) ?? 'nothing'}): is this a Reversal Lab bundle?` }],
			omitted: 0
		};
	}
	if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
		return {
			ok: false,
			errors: [{ path: 'version', message: `version ${head.version} is newer than this app reads (${BUNDLE_VERSION}); update Reversal Lab` }],
			omitted: 0
		};
	}
	const issues = new IssueList();
	const result = BundleSchema.safeParse(value);
	if (!result.success) {
		for (const issue of result.error.issues) issues.add(formatPath(issue.path), issue.message);
		return { ok: false, errors: issues.issues, omitted: issues.omitted };
	}
	checkBundle(result.data, issues);
	if (issues.count > 0) return { ok: false, errors: issues.issues, omitted: issues.omitted };
	return { ok: true, bundle: result.data };
}
