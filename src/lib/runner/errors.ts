// Errors of the runner layer. They travel in RunProgress.error like the engine's errors
// ({name, code, message}), so they extend EngineError and share its codes.
import { EngineError } from '../engines/errors';

/** A study is driven by one tab at a time: another tab holds it, or took it over from this one. */
export class StudyLeaseError extends EngineError {
	override name = 'StudyLeaseError';
	constructor(readonly reason: 'held' | 'taken-over') {
		super(
			'in-another-tab',
			reason === 'held'
				? 'This study is running in another tab of this browser. Switch to that tab, or take it over here (that tab then pauses); running it in both would only repeat the same samples.'
				: 'Another tab took this study over, so this tab stopped sampling it (every sample is kept). Continue in that tab, or take it back here.'
		);
	}
}

export const isStudyLeaseError = (e: unknown): e is StudyLeaseError => e instanceof Error && e.name === 'StudyLeaseError';
