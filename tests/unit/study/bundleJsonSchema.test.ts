import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleJsonSchema, samplesLineJsonSchema } from '../../../src/lib/core/study';

describe('bundleJsonSchema()', () => {
	it('bundleJsonSchema() equals schemas/bundle.schema.json (regenerate: npx tsx tools/cli/writeSchema.ts)', () => {
		const file = JSON.parse(readFileSync(new URL('../../../schemas/bundle.schema.json', import.meta.url), 'utf8'));
		expect(file).toEqual(bundleJsonSchema());
	});
	it('bundleJsonSchema() requires the format and version fields', () => {
		const schema = bundleJsonSchema() as { required: string[]; properties: Record<string, { const?: unknown }> };
		expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'study', 'problems', 'models', 'samples']));
		expect(schema.properties.format?.const).toBe('reversal-lab/bundle');
		expect(schema.properties.version?.const).toBe(1);
	});
});

describe('samplesLineJsonSchema()', () => {
	it('samplesLineJsonSchema() equals schemas/samples-line.schema.json (regenerate: npx tsx tools/cli/writeSchema.ts)', () => {
		const file = JSON.parse(readFileSync(new URL('../../../schemas/samples-line.schema.json', import.meta.url), 'utf8'));
		expect(file).toEqual(samplesLineJsonSchema());
		expect(file.required).toEqual(['model', 'problem_id', 'sample_index', 'text']);
	});
});
