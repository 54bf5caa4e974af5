import { describe, expect, it } from 'vitest';
import { batches, embedderName, uniqueTexts } from '../../../src/lib/embeddings/config';

describe('embeddings config', () => {
	it('uniqueTexts(texts) keeps first-seen order and drops repeats', () => {
		expect(uniqueTexts(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
		expect(uniqueTexts([])).toEqual([]);
	});
	it('batches(items, 2) splits into runs of at most 2, the last shorter', () => {
		expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(batches([], 2)).toEqual([]);
	});
	it('embedderName() names the model and the library, for the report', () => {
		expect(embedderName()).toBe('all-MiniLM-L6-v2 sentence embeddings (transformers.js, mean-pooled)');
	});
});
