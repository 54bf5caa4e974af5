/** One problem found in input, located by a path ("samples[1042].problem") or a line ("line 17"). */
export interface Issue {
	path: string;
	message: string;
}

/** How many issues a failed read reports in full; the rest are counted. */
export const MAX_ISSUES = 20;

export type StudyErrorCode = 'invalid-bundle' | 'invalid-samples' | 'invalid-share' | 'too-large' | 'damaged-gzip' | 'not-text' | 'unknown-format';

/** A file or link that could not be read, with every located issue (first MAX_ISSUES, then a count). */
export class StudyError extends Error {
	override name = 'StudyError';
	constructor(
		readonly code: StudyErrorCode,
		readonly issues: Issue[],
		readonly omitted = 0
	) {
		super(formatIssues(issues, omitted));
	}
}

export function isStudyError(e: unknown, code?: StudyErrorCode): e is StudyError {
	return e instanceof StudyError && (code === undefined || e.code === code);
}

/** "samples[1042].problem: unknown problem id 'gsm8k-17'", one per line, then "... and 7 more". */
export function formatIssues(issues: readonly Issue[], omitted = 0): string {
	const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
	if (omitted > 0) lines.push(`... and ${omitted} more`);
	return lines.join('\n');
}

/** A path array from a validator, written the way a reader finds it in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out.length === 0 ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** Collects issues, keeping the first MAX_ISSUES and counting the rest. */
export class IssueList {
	readonly issues: Issue[] = [];
	omitted = 0;
	constructor(readonly limit = MAX_ISSUES) {}
	add(path: string, message: string): void {
		if (this.issues.length < this.limit) this.issues.push({ path, message });
		else this.omitted++;
	}
	get count(): number {
		return this.issues.length + this.omitted;
	}
}
