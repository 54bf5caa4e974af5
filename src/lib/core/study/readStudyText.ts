import type { Bundle } from '../types';
import type { ImportOptions } from './assembleBundle';
import { detectFormat, type StudyFileFormat } from './detectFormat';
import type { Issue } from './errors';
import { importLmEval } from './importLmEval';
import { importSamplesJsonl } from './importSamplesJsonl';
import { parseBundle } from './parseBundle';
import { modelFromName } from './modelFromName';

export interface ReadOptions extends ImportOptions {
	/** Model id for an lm-evaluation-harness file (it does not name its model); default from the file name. */
	model?: string;
	/** lm-eval: whose filter's metric counts when a doc has several. */
	filter?: string;
}

export type ReadResult =
	| { ok: true; bundle: Bundle; format: StudyFileFormat; warnings: string[] }
	| { ok: false; errors: Issue[]; omitted: number; format?: StudyFileFormat };

/**
 * Read any supported results text (bundle JSON, samples JSONL, lm-eval `--log_samples` JSONL) into a
 * validated Bundle. Never throws; errors are located (path or line) and counted past the first 20.
 */
export function readStudyText(text: string, options: ReadOptions = {}): ReadResult {
	const format = detectFormat(text);
	if (format === 'bundle') {
		const r = parseBundle(text);
		return r.ok ? { ok: true, bundle: r.bundle, format, warnings: [] } : { ...r, format };
	}
	if (format === 'samples-jsonl') return { ...importSamplesJsonl(text, options), format };
	if (format === 'lm-eval-jsonl') {
		const model = options.model ?? modelFromName(options.name);
		return { ...importLmEval([{ model, text, name: options.name }], options), format };
	}
	const empty = text.trim().length === 0;
	return {
		ok: false,
		errors: [
			{
				path: empty ? '' : 'line 1',
				message: empty
					? 'the file is empty'
					: 'not a format Reversal Lab reads: expected a bundle (JSON with "format": "reversal-lab/bundle"), samples JSONL ({"model", "problem_id", "sample_index", "text", "gold"} per line) or lm-evaluation-harness --log_samples JSONL'
			}
		],
		omitted: 0
	};
}
