export type NetErrorCode = 'cancelled' | 'timeout' | 'too-large' | 'http' | 'network';

/** A download that failed, in words a reader can act on; `code` is stable. */
export class NetError extends Error {
	override name = 'NetError';
	constructor(
		readonly code: NetErrorCode,
		message: string
	) {
		super(message);
	}
}

export function isNetError(e: unknown, code?: NetErrorCode): e is NetError {
	return e instanceof NetError && (code === undefined || e.code === code);
}
