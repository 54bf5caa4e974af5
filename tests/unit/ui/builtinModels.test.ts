import { describe, expect, it } from 'vitest';
import { builtinEntries, parseManifest } from '../../../src/lib/ui/study/builtinModels';

const entry = (id: string) => ({ id, label: id.toUpperCase(), file: `${id}.gguf`, bytes: 480_480, sha256: 'x' });

describe('parseManifest', () => {
	it('parseManifest reads the main chain and its variants, dropping malformed entries', () => {
		const m = parseManifest({
			models: [entry('m1'), { id: 'broken' }],
			variants: [{ id: 'dpo', label: 'Iterative DPO from M1', models: [entry('d2'), 7] }, { id: 'empty', models: [] }, 'junk'],
			prompt: { template: 'Q: {question}\nA: ', extractor: 'gsm8k-strict' }
		});
		expect(m?.models.map((e) => e.id)).toEqual(['m1']);
		expect(m?.variants).toEqual([{ id: 'dpo', label: 'Iterative DPO from M1', models: [{ id: 'd2', label: 'D2', file: 'd2.gguf', bytes: 480_480 }] }]);
		expect(builtinEntries(m).map((e) => e.id)).toEqual(['m1', 'd2']);
	});
	it('parseManifest accepts manifests written before variants existed, and refuses ones without models', () => {
		expect(parseManifest({ models: [entry('m1')] })?.variants).toEqual([]);
		expect(parseManifest({ variants: [] })).toBeUndefined();
		expect(builtinEntries(undefined)).toEqual([]);
	});
});
