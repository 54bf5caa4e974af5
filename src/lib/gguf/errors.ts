// Errors of the GGUF writer and reader: a stable code, and a message that says what to fix.

export type GgufErrorCode =
	| 'bad-shape'
	| 'duplicate-tensor'
	| 'missing-tensor'
	| 'bad-config'
	| 'not-gguf'
	| 'unsupported-version'
	| 'truncated';

export class GgufError extends Error {
	override readonly name = 'GgufError';
	constructor(
		readonly code: GgufErrorCode,
		message: string
	) {
		super(message);
	}
}

export function isGgufError(e: unknown, code?: GgufErrorCode): e is GgufError {
	return e instanceof GgufError && (code === undefined || e.code === code);
}
