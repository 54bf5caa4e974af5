// The engine request of one planned sample. Shared by the runner and the benchmark's bare loop,
// so both send exactly the same requests.
import type { ChatMessage, CompletionRequest } from '../engines/types';
import type { StudyConfig } from '../core/types';
import type { Task } from './plan';

export function requestFor(task: Task, study: StudyConfig, prompt: string | ChatMessage[]): CompletionRequest {
	const { sampling, prompt: template } = study;
	const greedy = task.index < 0;
	return {
		prompt,
		temperature: greedy ? 0 : sampling.temperature,
		topP: greedy ? 1 : sampling.topP,
		maxTokens: sampling.maxTokens,
		seed: task.seed,
		// A base model continues with the next exemplar question; stop it there.
		...(template.form === 'completion' ? { stop: ['\nQuestion:'] } : {})
	};
}
