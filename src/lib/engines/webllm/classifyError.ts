// WebLLM (and the browser under it) fails with many error shapes; the app shows one of the engine
// layer's classes, with what to do next. Pure: it reads only name and message.
import {
	AbortedError,
	DeviceLostError,
	DownloadError,
	EngineError,
	ModelLoadError,
	QuotaError
} from '../errors';

export interface ErrorContext {
	/** Model being loaded, for the message. */
	model: string;
	/** Host the weights come from, e.g. "huggingface.co". */
	host: string;
	/** navigator.onLine at the time of the failure. */
	online: boolean;
}

const FETCH_FAILED = /failed to fetch|networkerror|network error|load failed|err_(internet_disconnected|blocked|name_not_resolved|connection)|fetch.*fail/i;
const HTTP_STATUS = /\b(40[0-9]|41[0-9]|5\d\d)\b|request failed|bad response|not ok/i;

export function classifyWebllmError(e: unknown, ctx: ErrorContext): EngineError {
	if (e instanceof EngineError) return e;
	const name = e instanceof Error || e instanceof DOMException ? e.name : '';
	const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
	if (name === 'AbortError') return new AbortedError();
	if (name === 'QuotaExceededError' || /quota/i.test(message)) {
		return new QuotaError(
			`The browser storage is full while downloading ${ctx.model}. Parts already downloaded are kept; delete other cached models (or free disk space) and retry.`
		);
	}
	if (name === 'DeviceLostError' || /device (was )?lost|device is lost/i.test(message)) {
		return new DeviceLostError();
	}
	if (/shader-f16|FeatureSupportError/i.test(`${name} ${message}`)) {
		return new EngineError(
			'unsupported',
			`${ctx.model} needs the WebGPU feature shader-f16, which this adapter lacks. Choose the q4f32 variant.`
		);
	}
	if (/WebGPU/i.test(name) || /webgpu is not (available|supported)|no adapter|navigator\.gpu/i.test(message)) {
		return new EngineError(
			'no-webgpu',
			`${ctx.model} needs WebGPU, which is not available in this browser. Use the WASM engine (wllama) with a GGUF model instead.`
		);
	}
	if (name === 'TypeError' && FETCH_FAILED.test(message)) {
		return new DownloadError(
			'offline',
			ctx.online
				? `Could not reach ${ctx.host} to download ${ctx.model}: the network is offline or the download is blocked (firewall, proxy or content blocker). Check the connection and retry; parts already downloaded are kept.`
				: `You are offline, so ${ctx.model} cannot be downloaded from ${ctx.host}. Connect and retry; parts already downloaded are kept.`
		);
	}
	if (FETCH_FAILED.test(message)) {
		return new DownloadError(
			'offline',
			`Could not reach ${ctx.host} to download ${ctx.model} (${message}). Check the connection and retry; parts already downloaded are kept.`
		);
	}
	if (name === 'TypeError' && HTTP_STATUS.test(message)) {
		return new DownloadError(
			'network',
			`The server refused a file of ${ctx.model} (${message}). Check the model URL, or retry later.`
		);
	}
	if (name === 'ModelNotFoundError' || /cannot find model record/i.test(message)) {
		return new ModelLoadError(`${ctx.model} is not in WebLLM's model list: ${message}`);
	}
	return new ModelLoadError(`${ctx.model} could not be loaded: ${message}`);
}

/** Whether a retry can help: a download that broke off, not a refusal or a bad model. */
export function isRetryableDownload(e: EngineError): boolean {
	return e instanceof DownloadError;
}
