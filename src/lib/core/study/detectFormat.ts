import { parseLine } from './importSamplesJsonl';
import { MAX_LINE_CHARS } from './limits';

export type StudyFileFormat = 'bundle' | 'samples-jsonl' | 'lm-eval-jsonl';

/**
 * Which kind of results file a text is, from its first line: a bundle (one JSON object with a
 * "format" field, often pretty-printed), our samples JSONL (model / problem_id / sample_index), or
 * lm-evaluation-harness `--log_samples` JSONL (doc_id with resps). Undefined when none fits.
 */
export function detectFormat(text: string): StudyFileFormat | undefined {
	const start = text.search(/\S/);
	if (start < 0) return undefined;
	let end = text.indexOf('\n', start);
	if (end < 0) end = text.length;
	// lm-eval before 0.4.3 wrote samples_<task>.json as one JSON array of the same rows.
	if (text[start] === '[') return /"doc_id"\s*:/.test(text.slice(start, start + 100_000)) ? 'lm-eval-jsonl' : undefined;
	if (text[start] !== '{') return undefined;
	if (end - start > MAX_LINE_CHARS) {
		// A huge first line: only a one-line bundle is that long; look for its format field near the start.
		return /^\{\s*"format"\s*:\s*"reversal-lab\/bundle"/.test(text.slice(start, start + 200)) ? 'bundle' : undefined;
	}
	const first = parseLine(text.slice(start, end));
	if (!first.ok || typeof first.value !== 'object' || first.value === null) {
		// A pretty-printed object: its first line is just "{".
		return /"format"\s*:\s*"reversal-lab\/bundle"/.test(text.slice(start, start + 4096)) || text.slice(start, end).trim() === '{' ? 'bundle' : undefined;
	}
	const o = first.value as Record<string, unknown>;
	if ('format' in o) return 'bundle';
	if ('doc_id' in o && ('resps' in o || 'filtered_resps' in o)) return 'lm-eval-jsonl';
	if ('problem_id' in o || 'sample_index' in o || ('model' in o && 'text' in o)) return 'samples-jsonl';
	return undefined;
}
