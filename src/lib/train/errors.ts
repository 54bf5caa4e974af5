// Errors of the training layer: they cross the worker boundary as {name, code, message}.
export type TrainErrorCode = 'cancelled' | 'no-data' | 'bad-model' | 'failed';

export class TrainError extends Error {
	override name = 'TrainError';
	constructor(
		readonly code: TrainErrorCode,
		message: string
	) {
		super(message);
	}
}

export function isTrainError(e: unknown, code?: TrainErrorCode): e is TrainError {
	return e instanceof TrainError && (code === undefined || e.code === code);
}

export interface SerializedTrainError {
	name: string;
	code: TrainErrorCode;
	message: string;
}

export function serializeTrainError(e: unknown): SerializedTrainError {
	if (e instanceof TrainError) return { name: e.name, code: e.code, message: e.message };
	return { name: 'TrainError', code: 'failed', message: e instanceof Error ? e.message : String(e) };
}

export function rebuildTrainError(s: SerializedTrainError): TrainError {
	return new TrainError(s.code, s.message);
}
