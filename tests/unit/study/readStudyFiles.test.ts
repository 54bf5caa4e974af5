import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStudyFiles } from '../../../src/lib/core/study';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/samples/${name}`, import.meta.url), 'utf8');

describe('readStudyFiles(files, options)', () => {
	it('readStudyFiles reads one lm-eval --log_samples file as one model named by its file', () => {
		const r = readStudyFiles([{ name: 'samples_gsm8k_2024-05-01T10-00-00.jsonl', text: fixture('lm-eval-gsm8k.jsonl') }]);
		expect(r.ok && r.format).toBe('lm-eval-jsonl');
		expect(r.ok && r.bundle.models.map((m) => m.id)).toEqual(['samples_gsm8k_2024-05-01T10-00-00']);
	});

	it('readStudyFiles reads several lm-eval files as one model each, two files of the same name as two models', () => {
		const text = fixture('lm-eval-gsm8k.jsonl');
		const r = readStudyFiles([
			{ name: 'samples_gsm8k.jsonl', text },
			{ name: 'samples_gsm8k.jsonl', text },
			{ name: 'other.jsonl.gz', text, model: 'sft' }
		]);
		expect(r.ok && r.bundle.models.map((m) => m.id)).toEqual(['samples_gsm8k', 'samples_gsm8k-2', 'sft']);
	});

	it('readStudyFiles refuses a bundle or samples file among several, naming it', () => {
		const r = readStudyFiles([
			{ name: 'a.jsonl', text: fixture('lm-eval-gsm8k.jsonl') },
			{ name: 'small.jsonl', text: fixture('small.jsonl') }
		]);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0]).toEqual({ path: 'small.jsonl', message: expect.stringContaining('several files are read only as lm-evaluation-harness') });
	});
});
