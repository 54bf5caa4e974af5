import { assembleBundle, type Entry, type ImportOptions, type ImportResult } from './assembleBundle';
import { formatPath, IssueList } from './errors';
import { describeSize, MAX_LINE_CHARS, MAX_SAMPLES } from './limits';
import { fastSampleLine } from './fastSampleLine';
import { SampleLineSchema } from './lineSchema';
import { splitLines, type Line } from './splitLines';

function describe(v: unknown): string {
	// JSON.stringify writes Infinity (from 1e999) as null, which would hide the real problem.
	if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
	return JSON.stringify(v) ?? String(v);
}

/** JSON.parse of one line, with the reason in words when it fails. */
export function parseLine(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		const reason = e instanceof Error ? e.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '') : 'parse error';
		return { ok: false, message: `invalid JSON (${reason})` };
	}
}

/**
 * Convert a samples JSONL file (one {"model", "problem_id", "sample_index", "text", "gold", ...}
 * object per line) into a Bundle. Every error is line-numbered; nothing is dropped silently:
 * a file with any bad line is rejected whole, with the first 20 errors and a count of the rest.
 */
export function importSamplesJsonl(text: string | Iterable<Line & { tooLong: boolean; length: number }>, options: ImportOptions = {}): ImportResult {
	const issues = new IssueList();
	// Each record goes on to assembleBundle as soon as it is parsed (its parse issues listed first).
	return assembleBundle(sampleEntries(text, options, issues), options, 'import (samples JSONL)', issues);
}

/** The records of the lines, in order; lines that cannot be records become issues. */
function* sampleEntries(text: string | Iterable<Line & { tooLong: boolean; length: number }>, options: ImportOptions, issues: IssueList): Generator<Entry> {
	const { maxLineChars = MAX_LINE_CHARS, lap } = options;
	let records = 0;
	// A text, or its lines as they are read (splitChunkLines): the same lines either way.
	for (const line of typeof text === 'string' ? splitLines(text, maxLineChars) : text) {
		const at = `line ${line.number}`;
		if (line.tooLong) {
			issues.add(at, `the line is ${describeSize(line.length)}, over the ${describeSize(maxLineChars)} limit for one sample (is this really a JSONL file?)`);
			continue;
		}
		if (line.text.trim().length === 0) continue;
		if (++records > MAX_SAMPLES) {
			issues.add(at, `more than ${MAX_SAMPLES.toLocaleString('en')} samples: split the file`);
			break;
		}
		const parsed = parseLine(line.text);
		lap?.('parse');
		if (!parsed.ok) {
			issues.add(at, parsed.message);
			continue;
		}
		const raw = parsed.value;
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
			issues.add(at, 'each line should be one JSON object {"model": ..., "problem_id": ..., "sample_index": ..., "text": ...}');
			continue;
		}
		const fast = fastSampleLine(raw as Record<string, unknown>);
		if (fast) {
			// Timed as 'validate' with the record's checks in assembleBundle (one clock read less per line).
			yield { at, s: fast };
			continue;
		}
		const result = SampleLineSchema.safeParse(raw);
		if (!result.success) {
			for (const issue of result.error.issues) {
				const field = formatPath(issue.path);
				const got = issue.path.length > 0 ? (raw as Record<string, unknown>)[String(issue.path[0])] : undefined;
				const received = got === undefined ? ' (missing)' : issue.path.length === 1 ? ` (got ${describe(got).slice(0, 40)})` : '';
				issues.add(at, `${field ? field + ' ' : ''}${issue.message}${received}`);
			}
			continue;
		}
		yield { at, s: result.data };
	}
}
