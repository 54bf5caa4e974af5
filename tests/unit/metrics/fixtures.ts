import type { Bundle, Problem, Sample, Split } from '../../../src/lib/core/types';

export function problem(id: string, split: Split = 'in-domain', level?: number): Problem {
	return level === undefined ? { id, question: `Q ${id}`, answer: '1', answerType: 'number', split } : { id, question: `Q ${id}`, answer: '1', answerType: 'number', split, level };
}

export function sample(model: string, problemId: string, index: number, answer: string | null, text = `The answer is ${answer ?? 'unknown'}.`): Sample {
	return { model, problem: problemId, index, seed: 0, text, answer, correct: answer === '1', tokens: 10, ms: 1 };
}

/** A bundle of the given models (in order), problems and samples. */
export function bundle(models: string[], problems: Problem[], samples: Sample[], n: number, greedy = true): Bundle {
	return {
		format: 'reversal-lab/bundle',
		version: 1,
		study: {
			id: 'test',
			name: 'test',
			seed: 11,
			sampling: { n, greedy, temperature: 0.8, topP: 1, maxTokens: 64 },
			prompt: { style: 'zero-shot-cot', form: 'completion', text: '{question}' },
			extractor: 'gsm8k-strict',
			problemSet: { source: 'builtin', id: 'test' }
		},
		problems,
		models: models.map((id, order) => ({ id, label: id, engine: 'import', source: id, order })),
		samples,
		environment: { app: 'test', engine: 'test', browser: 'none' },
		createdAt: '2025-01-01T00:00:00.000Z'
	};
}
