// The cost of a study before it runs: samples, tokens at most, downloads, and the time it will
// likely take, as an estimate with a range. The time is calibrated from measured throughput: the
// run's own speed once it has one, else the built-in models' speed measured in the browser (the
// engine registry's BUILTIN_WHOLE_RUN, times its lane speed-up where models run at once); the model
// loads are counted apart. Before a run has its own speed the range is wide: the same build ran
// 2.3x faster on another 2-core machine.
import { BUILTIN_WHOLE_RUN } from '$lib/engines/registry';

export interface Speed {
	/** Generated tokens per second of wall time over a whole run. */
	tokensPerSecond: number;
	/** Tokens a sample generated on average (outputs stop before max tokens). */
	tokensPerSample: number;
	/** Seconds to load one model. */
	loadSeconds: number;
	/** Measured in this browser's run (true), or the calibration of the built-in models (false). */
	measured: boolean;
}

/** The built-in tiny models through wllama (WASM, one thread), measured by tools/measure-demo.ts. */
export const BUILTIN_SPEED: Speed = { ...BUILTIN_WHOLE_RUN, measured: false };

/** A run's measured speed (progress events), when it has generated anything; else the fallback. */
export function speedOf(progress: { tokensPerSecond?: number; samplesPerSecond?: number } | undefined, fallback: Speed | undefined): Speed | undefined {
	const tps = progress?.tokensPerSecond;
	const sps = progress?.samplesPerSecond;
	if (tps && sps && tps > 0 && sps > 0) return { tokensPerSecond: tps, tokensPerSample: tps / sps, loadSeconds: fallback?.loadSeconds ?? BUILTIN_SPEED.loadSeconds, measured: true };
	return fallback;
}

export interface CostInput {
	models: number;
	problems: number;
	n: number;
	greedy: boolean;
	maxTokens: number;
	/** Bytes to download, when known; unknown sizes are counted in `unknownDownloads`. */
	downloadBytes: number;
	unknownDownloads: number;
	/** The speed to assume (speedOf); without it the time is unknown until the first samples. */
	speed?: Speed;
	/** A bare tokens-per-second figure (an engine's own), taken with the built-in models' sample length and loads. */
	tokensPerSecond?: number;
	/** Models loaded and sampled at once (the registry's lanes, modelsCost): their loads overlap. Default 1. */
	lanes?: number;
}

export interface TimeEstimate {
	/** Outputs half as long as the calibration's; before the run's own speed is known, also on a device DEVICE_SPREAD times faster. */
	low: number;
	/** Outputs as long as the calibration's (or max tokens, if shorter). */
	likely: number;
	/** Every sample using all its tokens, on a device half again as slow. */
	high: number;
	measured: boolean;
}

export interface Cost {
	samples: number;
	maxTokens: number;
	downloadBytes: number;
	unknownDownloads: number;
	time?: TimeEstimate;
	/** The upper end of the estimate, in seconds. */
	seconds?: number;
}

/** Slack for a slower or busier device than the one measured. */
const SLOWER = 1.5;
/** Same build, same demo, two 2-core machines: 3,561 and 1,548 tokens/s (README, "The live demo"). */
const DEVICE_SPREAD = 2.3;

export function estimateCost(c: CostInput): Cost {
	const samples = c.models * c.problems * (c.n + (c.greedy ? 1 : 0));
	const maxTokens = samples * c.maxTokens;
	const speed = c.speed ?? (c.tokensPerSecond && c.tokensPerSecond > 0 ? { ...BUILTIN_SPEED, tokensPerSecond: c.tokensPerSecond } : undefined);
	const base = { samples, maxTokens, downloadBytes: c.downloadBytes, unknownDownloads: c.unknownDownloads };
	if (!speed || samples === 0) return base;
	const loads = Math.ceil(c.models / Math.max(1, c.lanes ?? 1)) * speed.loadSeconds;
	const typical = Math.min(c.maxTokens, speed.tokensPerSample);
	const time: TimeEstimate = {
		low: loads + (samples * typical) / 2 / speed.tokensPerSecond / (speed.measured ? 1 : DEVICE_SPREAD),
		likely: loads + (samples * typical) / speed.tokensPerSecond,
		high: SLOWER * (loads + maxTokens / speed.tokensPerSecond),
		measured: speed.measured
	};
	return { ...base, time, seconds: time.high };
}

export function formatDuration(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds)) return 'n/a';
	if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
	if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
	return `${(seconds / 3600).toFixed(1)} h`;
}

/** "about 44 s (estimate: 26 s to 4 min ...)", in words for the cost line. */
export function formatTime(t: TimeEstimate | undefined): string {
	if (!t) return 'known after the first samples';
	const basis = t.measured ? 'from the speed measured in this run' : "from the built-in models' speed measured on a 2-core machine";
	return `about ${formatDuration(t.likely)} (an estimate ${basis}: ${formatDuration(t.low)} to ${formatDuration(t.high)}, the upper end if every sample uses all its tokens)`;
}
