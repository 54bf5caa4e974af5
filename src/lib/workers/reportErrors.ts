// Errors of the report's helper workers (group statistics, model parts) cross as {name, code,
// message} and are rebuilt with their class on arrival. Relative imports: Node's threads load this too.
import { StudyError, type StudyErrorCode } from '../core/study/errors';

export interface SerializedError {
	name: string;
	message: string;
	/** The error's stable code, when its class has one. */
	code?: string;
}

export function serializeError(e: unknown): SerializedError {
	if (e instanceof StudyError) return { name: e.name, code: e.code, message: e.message };
	if (e instanceof Error) return { name: e.name, message: e.message };
	return { name: 'Error', message: String(e) };
}

/** The error of the other side, with its class where this layer knows it (StudyError), else its name. */
export function rebuildError(s: SerializedError): Error {
	if (s.name === 'StudyError' && s.code) return new StudyError(s.code as StudyErrorCode, [{ path: '', message: s.message }]);
	const err = new Error(s.message);
	err.name = s.name;
	return err;
}
