import { z } from 'zod';
import './zodSetup';

const intAtLeast = (min: number) =>
	z
		.number({ error: `should be an integer >= ${min}` })
		.int({ error: `should be an integer >= ${min}` })
		.min(min, { error: `should be an integer >= ${min}` });

const name = z
	.union([z.string(), z.number().int()], { error: 'should be a non-empty string' })
	.transform((v) => String(v))
	.refine((v) => v.length > 0 && v.length <= 500, { error: 'should be a non-empty string of at most 500 characters' });

/** One line of the samples JSONL format (see the README). Unknown fields are ignored. */
export const SampleLineSchema = z.object({
	model: name,
	problem_id: name,
	sample_index: intAtLeast(-1),
	text: z.string({ error: 'should be a string (the model output)' }),
	gold: z
		.union([z.string(), z.number()], { error: 'should be a string or a number (the gold answer)' })
		.transform((v) => String(v))
		.optional(),
	question: z.string({ error: 'should be a string' }).optional(),
	split: z.enum(['in-domain', 'ood'], { error: 'should be "in-domain" or "ood"' }).optional(),
	level: intAtLeast(1).optional(),
	subject: z.string({ error: 'should be a string' }).optional(),
	answer_type: z.enum(['number', 'latex', 'choice'], { error: 'should be "number", "latex" or "choice"' }).optional(),
	choices: z.array(z.string(), { error: 'should be an array of strings' }).optional(),
	correct: z.boolean({ error: 'should be true or false' }).optional(),
	answer: z.string({ error: 'should be a string or null' }).nullable().optional(),
	seed: intAtLeast(0).max(0xffffffff, { error: 'should be an integer <= 4294967295' }).optional(),
	tokens: intAtLeast(0).optional(),
	ms: z.number({ error: 'should be a number >= 0' }).min(0, { error: 'should be a number >= 0' }).optional(),
	finish: z.enum(['stop', 'length'], { error: 'should be "stop" or "length" (why the output ended)' }).optional()
});

export type SampleLine = z.infer<typeof SampleLineSchema>;
