// Errors of an OpenAI-compatible server, in words that say what to do. They are EngineErrors
// (name 'ServerError', a stable `reason`), so the runner pauses on them and keeps every sample.
import { EngineError, type EngineErrorCode } from '../errors';

export type ServerErrorReason =
	| 'unauthorized'
	| 'forbidden'
	| 'model-not-served'
	| 'not-found'
	| 'rate-limited'
	| 'server-error'
	| 'bad-request'
	| 'malformed'
	| 'cors'
	| 'mixed-content'
	| 'unreachable';

const CODES: Record<ServerErrorReason, EngineErrorCode> = {
	unauthorized: 'model-load',
	forbidden: 'model-load',
	'model-not-served': 'model-load',
	'not-found': 'model-load',
	'rate-limited': 'network',
	'server-error': 'network',
	'bad-request': 'inference',
	malformed: 'inference',
	cors: 'network',
	'mixed-content': 'network',
	unreachable: 'network'
};

export class ServerError extends EngineError {
	override name = 'ServerError';
	constructor(
		readonly reason: ServerErrorReason,
		message: string,
		readonly status?: number
	) {
		super(CODES[reason], message);
	}
}

export function isServerError(e: unknown, reason?: ServerErrorReason): e is ServerError {
	return e instanceof ServerError && (reason === undefined || e.reason === reason);
}
