import { detectFormat } from './detectFormat';
import { importLmEval } from './importLmEval';
import { modelFromName } from './modelFromName';
import { readStudyText, type ReadOptions, type ReadResult } from './readStudyText';

/** One results file as text; `model` names the model of an lm-eval file (else taken from `name`). */
export interface StudyFile {
	name: string;
	text: string;
	model?: string;
}

/**
 * The one reading path of the report page, its worker and the command line: one file of any
 * supported kind (bundle, samples JSONL, lm-eval `--log_samples`), or several lm-eval files, one
 * model each. Never throws; errors are located by file and line.
 */
export function readStudyFiles(files: readonly StudyFile[], options: Omit<ReadOptions, 'name' | 'model'> = {}): ReadResult {
	if (files.length === 1) {
		const [file] = files as [StudyFile];
		return readStudyText(file.text, { ...options, name: file.name, ...(file.model !== undefined ? { model: file.model } : {}) });
	}
	if (files.length === 0) return { ok: false, errors: [{ path: '', message: 'no file was given' }], omitted: 0 };
	const other = files.find((f) => detectFormat(f.text) !== 'lm-eval-jsonl');
	if (other)
		return {
			ok: false,
			errors: [{ path: other.name, message: 'several files are read only as lm-evaluation-harness --log_samples files (one model each); open a bundle or samples file alone' }],
			omitted: 0
		};
	// Two files of the same name (two models' samples_gsm8k_<date>.jsonl) stay two models.
	const seen = new Map<string, number>();
	const lmEval = files.map((f) => {
		const base = f.model ?? modelFromName(f.name);
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return { model: n === 1 ? base : `${base}-${n}`, text: f.text, name: f.name };
	});
	const r = importLmEval(lmEval, { ...options, name: files.map((f) => f.name).join(' + ') });
	return { ...r, format: 'lm-eval-jsonl' };
}
