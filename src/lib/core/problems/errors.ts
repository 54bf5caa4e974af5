// Errors of the problems layer: a bad upload names its line and says what to do.

export type UploadErrorCode = 'too-large' | 'encoding' | 'line-too-long' | 'syntax' | 'empty';

export class UploadError extends Error {
	override name = 'UploadError';
	constructor(
		readonly code: UploadErrorCode,
		message: string,
		readonly line?: number
	) {
		super(message);
	}
}

export function isUploadError(e: unknown, code?: UploadErrorCode): e is UploadError {
	return e instanceof UploadError && (code === undefined || e.code === code);
}
