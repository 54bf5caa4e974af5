import { z } from 'zod';
import './zodSetup';
import { SampleLineSchema } from './lineSchema';

/**
 * The JSON Schema of one line of the samples JSONL format (schemas/samples-line.schema.json),
 * generated from the zod schema the importer uses. Cross-line rules (unique (model, problem_id,
 * sample_index), one gold per problem, lines under 1 MB) are enforced only by importSamplesJsonl.
 */
export function samplesLineJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(SampleLineSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
	return {
		$schema: schema.$schema,
		$id: 'https://reversal-lab.invalid/schemas/samples-line.schema.json',
		title: 'Reversal Lab samples JSONL: one line',
		description:
			'One model output per line. sample_index -1 marks the greedy output. gold is required on the first line of each problem unless a problem set is given. Unknown fields are ignored.',
		...schema
	};
}
