import { z } from 'zod';
import './zodSetup';
import { BundleSchema } from './schema';

/**
 * The JSON Schema of a bundle, generated from the zod schema (schemas/bundle.schema.json is this,
 * written by `npx tsx tools/cli/writeSchema.ts`, and a test keeps the two in sync). It covers
 * structure and types; the cross-checks (known ids, no duplicates) are only in parseBundle.
 */
export function bundleJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(BundleSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
	return {
		$schema: schema.$schema,
		$id: 'https://reversal-lab.invalid/schemas/bundle.schema.json',
		title: 'Reversal Lab study bundle',
		description: 'A study = configuration + samples. Cross-checks (known ids, unique (model, problem, index)) are enforced by parseBundle, not by this schema.',
		...schema
	};
}
