// Errors of the engine layer. Each class sets `name` and a stable `code`; messages say what to do
// next. They cross worker boundaries as {name, code, message} and are rebuilt by `rebuildError`.

export type EngineErrorCode =
	| 'aborted'
	| 'not-loaded'
	| 'model-invalid'
	| 'model-load'
	| 'network'
	| 'offline'
	| 'quota-exceeded'
	| 'device-lost'
	| 'no-webgpu'
	| 'model-too-large'
	| 'inference'
	| 'worker-crashed'
	| 'unsupported'
	| 'in-another-tab'
	| 'unknown';

export class EngineError extends Error {
	override name = 'EngineError';
	constructor(
		readonly code: EngineErrorCode,
		message: string
	) {
		super(message);
	}
}

/** The user (or a pause/cancel) stopped the operation; nothing is wrong. */
export class AbortedError extends EngineError {
	override name = 'AbortedError';
	constructor(message = 'Stopped on request.') {
		super('aborted', message);
	}
}

/** The file is not a usable GGUF model (wrong format, truncated, unsupported architecture). */
export class ModelFileError extends EngineError {
	override name = 'ModelFileError';
	constructor(message: string) {
		super('model-invalid', message);
	}
}

/** The model could not be loaded for another reason (memory, backend, version). */
export class ModelLoadError extends EngineError {
	override name = 'ModelLoadError';
	constructor(message: string) {
		super('model-load', message);
	}
}

/** A download failed: offline, blocked, or the server said no. */
export class DownloadError extends EngineError {
	override name = 'DownloadError';
	constructor(code: 'network' | 'offline', message: string) {
		super(code, message);
	}
}

/** The browser's storage quota is full; what is stored so far is kept. */
export class QuotaError extends EngineError {
	override name = 'QuotaError';
	constructor(
		message = 'The browser storage is full. Samples collected so far are kept. Free space (delete cached models or old studies) and resume.'
	) {
		super('quota-exceeded', message);
	}
}

/** The GPU device was lost mid-run (driver reset, tab in background, out of memory). */
export class DeviceLostError extends EngineError {
	override name = 'DeviceLostError';
	constructor(message = 'The GPU device was lost. Samples collected so far are kept; resume to reload the model and continue.') {
		super('device-lost', message);
	}
}

export class NotLoadedError extends EngineError {
	override name = 'NotLoadedError';
	constructor(message = 'No model is loaded: load a model before asking for completions.') {
		super('not-loaded', message);
	}
}

/** The engine worker died (out of memory, crash); a new one is needed. */
export class WorkerCrashError extends EngineError {
	override name = 'WorkerCrashError';
	constructor(message = 'The engine worker stopped unexpectedly (perhaps out of memory). Reload the page and resume the run.') {
		super('worker-crashed', message);
	}
}

export interface SerializedError {
	name: string;
	code: EngineErrorCode;
	message: string;
}

const CODES = new Set<EngineErrorCode>([
	'aborted', 'not-loaded', 'model-invalid', 'model-load', 'network', 'offline', 'quota-exceeded',
	'device-lost', 'no-webgpu', 'model-too-large', 'inference', 'worker-crashed', 'unsupported', 'in-another-tab', 'unknown'
]);

export function isEngineError(e: unknown, code?: EngineErrorCode): e is EngineError {
	return e instanceof EngineError && (code === undefined || e.code === code);
}

/** Any thrown value as an EngineError, keeping its code when it has one. */
export function toEngineError(e: unknown): EngineError {
	if (e instanceof EngineError) return e;
	if (e instanceof DOMException || e instanceof Error) {
		if (e.name === 'AbortError' || e.name === 'WllamaAbortError') return new AbortedError();
		if (e.name === 'QuotaExceededError') return new QuotaError();
	}
	return new EngineError('unknown', e instanceof Error ? e.message : String(e));
}

export function serializeError(e: unknown): SerializedError {
	const err = toEngineError(e);
	return { name: err.name, code: err.code, message: err.message };
}

/** Rebuilds the class an error had on the other side of a worker boundary. */
export function rebuildError(s: SerializedError): EngineError {
	const code = CODES.has(s.code) ? s.code : 'unknown';
	let err: EngineError;
	switch (s.name) {
		case 'AbortedError':
			err = new AbortedError(s.message);
			break;
		case 'ModelFileError':
			err = new ModelFileError(s.message);
			break;
		case 'ModelLoadError':
			err = new ModelLoadError(s.message);
			break;
		case 'DownloadError':
			err = new DownloadError(code === 'offline' ? 'offline' : 'network', s.message);
			break;
		case 'QuotaError':
			err = new QuotaError(s.message);
			break;
		case 'DeviceLostError':
			err = new DeviceLostError(s.message);
			break;
		case 'NotLoadedError':
			err = new NotLoadedError(s.message);
			break;
		case 'WorkerCrashError':
			err = new WorkerCrashError(s.message);
			break;
		default:
			err = new EngineError(code, s.message);
			if (s.name !== 'EngineError') err.name = s.name;
	}
	return err;
}
