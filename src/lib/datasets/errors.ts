// Errors of the dataset loader: each names what failed and what to do next.

export type DatasetErrorCode = 'offline' | 'rate-limited' | 'http' | 'bad-response' | 'aborted' | 'timeout' | 'too-large';

export class DatasetError extends Error {
	override name = 'DatasetError';
	constructor(
		readonly code: DatasetErrorCode,
		message: string,
		readonly status?: number,
		/** Seconds the server asked to wait (Retry-After), when it said. */
		readonly retryAfter?: number
	) {
		super(message);
	}
}

export function isDatasetError(e: unknown, code?: DatasetErrorCode): e is DatasetError {
	return e instanceof DatasetError && (code === undefined || e.code === code);
}
