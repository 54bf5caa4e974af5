import { inferAnswerType } from '../grading';
import type { AnswerType, ExtractorId, ModelRef, Problem, SamplingParams, StudyConfig } from '../types';

function unknownNote(sampling: Partial<Pick<SamplingParams, 'temperature' | 'topP' | 'maxTokens'>> | undefined): string {
	const unknown = [
		sampling?.temperature === undefined ? 'temperature (shown as 0)' : '',
		sampling?.topP === undefined ? 'top-p (shown as 1)' : '',
		sampling?.maxTokens === undefined ? 'max tokens (shown as 1)' : ''
	].filter((x) => x.length > 0);
	return unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : '';
}

/**
 * The study configuration of imported samples: only what the file tells is filled in; the rest says
 * "unknown" rather than pretending (temperature and top-p are not known, so they are 0 / 1 as
 * neutral placeholders and the prompt text says it was not recorded).
 */
export function importedStudyConfig(options: {
	name: string;
	extractor: ExtractorId;
	n: number;
	greedy: boolean;
	problemCount: number;
	reference?: string;
	/** What the caller knows of the sampling (from the file's own metadata or the user). */
	sampling?: Partial<Pick<SamplingParams, 'temperature' | 'topP' | 'maxTokens'>>;
}): StudyConfig {
	return {
		id: `import-${options.name.replace(/[^\w.-]+/g, '-').slice(0, 80) || 'samples'}`,
		name: options.name.slice(0, 1000),
		seed: 0,
		sampling: {
			n: options.n,
			greedy: options.greedy,
			temperature: options.sampling?.temperature ?? 0,
			topP: options.sampling?.topP ?? 1,
			maxTokens: options.sampling?.maxTokens ?? 1
		},
		prompt: { style: 'raw', form: 'completion', text: `(not recorded: samples were imported${unknownNote(options.sampling)})` },
		extractor: options.extractor,
		problemSet: { source: 'import', id: options.name.slice(0, 1000), count: options.problemCount },
		...(options.reference !== undefined ? { reference: options.reference } : {})
	};
}

export function importedModel(id: string, order: number): ModelRef {
	return { id, label: id, engine: 'import', source: id, order };
}

export function importedProblem(p: {
	id: string;
	question?: string;
	gold: string;
	answerType?: AnswerType;
	choices?: string[];
	split?: Problem['split'];
	level?: number;
	subject?: string;
	solution?: string;
}): Problem {
	const problem: Problem = {
		id: p.id,
		question: p.question ?? '',
		answer: p.gold,
		answerType: p.answerType ?? inferAnswerType(p.gold, p.choices),
		split: p.split ?? 'in-domain'
	};
	if (p.choices) problem.choices = p.choices;
	if (p.level !== undefined) problem.level = p.level;
	if (p.subject !== undefined) problem.subject = p.subject;
	if (p.solution !== undefined) problem.solution = p.solution.trim();
	return problem;
}
