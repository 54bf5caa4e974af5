import { describe, expect, it } from 'vitest';
import { keptUpload } from '../../../src/lib/ui/problems/keptUpload';

const problem = { id: 'p1', question: 'What is 2 + 3?', answer: '5', answerType: 'number', split: 'in-domain', level: 1 };
const record = { id: 'current', name: 'mine.jsonl', problems: [problem], inUse: true, savedAt: '2025-01-01T00:00:00.000Z' };

describe('keptUpload', () => {
	it('keptUpload(undefined) is undefined: nothing was kept', () => {
		expect(keptUpload(undefined)).toBeUndefined();
	});

	it('keptUpload(record) gives the name, problems and whether it is in use', () => {
		expect(keptUpload(record)).toEqual({ name: 'mine.jsonl', problems: [problem], inUse: true, savedAt: record.savedAt });
	});

	it('keptUpload(damaged) is an error in words naming the file, never a half-read set', () => {
		const damaged = { ...record, problems: [{ ...problem, split: 'sideways' }] };
		expect(keptUpload(damaged)).toEqual({ error: expect.stringContaining('from mine.jsonl could not be read back') });
		expect(keptUpload({ ...record, problems: [] })).toHaveProperty('error');
		expect(keptUpload('garbage')).toEqual({ error: expect.stringContaining('upload the file again') });
	});
});
