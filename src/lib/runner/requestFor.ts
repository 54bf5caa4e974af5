// The engine request of one planned sample. Shared by the runner and the benchmark's bare loop,
// so both send exactly the same requests.
import type { ChatMessage, CompletionRequest } from '../engines/types';
import type { StudyConfig } from '../core/types';
import type { Task } from './plan';

/** The index each problem's samples start with in the plan: greedy (-1) when enabled, else 0. */
export function firstIndex(study: StudyConfig): number {
	return study.sampling.greedy ? -1 : 0;
}

/**
 * The first sample of a problem never reuses a cached prefix (the cache then holds another
 * problem's prompt, which depends on what ran before); the following ones reuse this problem's
 * prompt. So every sample is computed the same way whatever ran before it.
 */
export function requestFor(task: Task, study: StudyConfig, prompt: string | ChatMessage[]): CompletionRequest {
	const { sampling, prompt: template } = study;
	const greedy = task.index < 0;
	return {
		prompt,
		temperature: greedy ? 0 : sampling.temperature,
		topP: greedy ? 1 : sampling.topP,
		maxTokens: sampling.maxTokens,
		seed: task.seed,
		cachePrompt: task.index !== firstIndex(study),
		// A base model continues with the next exemplar question; stop it there.
		...(template.form === 'completion' ? { stop: ['\nQuestion:'] } : {})
	};
}

/**
 * A request that only puts a problem's prompt into the cache the way its first sample does (full
 * prefill, one token generated and thrown away): sent before a later sample of the problem when
 * the engine does not hold that prompt (after a resume, a reload, a lost device).
 */
export function warmUpFor(prompt: string | ChatMessage[]): CompletionRequest {
	return { prompt, temperature: 0, topP: 1, maxTokens: 1, seed: 0, cachePrompt: false };
}
