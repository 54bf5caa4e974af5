// The cost of a study before it runs: samples, tokens at most, downloads, and a rough time.

export interface CostInput {
	models: number;
	problems: number;
	n: number;
	greedy: boolean;
	maxTokens: number;
	/** Bytes to download, when known; unknown sizes are counted in `unknownDownloads`. */
	downloadBytes: number;
	unknownDownloads: number;
	/** Generation speed to assume, tokens per second (measured when a run has one). */
	tokensPerSecond?: number;
}

export interface Cost {
	samples: number;
	maxTokens: number;
	downloadBytes: number;
	unknownDownloads: number;
	/** Upper bound in seconds (every sample using all its tokens), when a speed is known. */
	seconds?: number;
}

export function estimateCost(c: CostInput): Cost {
	const samples = c.models * c.problems * (c.n + (c.greedy ? 1 : 0));
	const maxTokens = samples * c.maxTokens;
	return {
		samples,
		maxTokens,
		downloadBytes: c.downloadBytes,
		unknownDownloads: c.unknownDownloads,
		...(c.tokensPerSecond && c.tokensPerSecond > 0 ? { seconds: maxTokens / c.tokensPerSecond } : {})
	};
}

export function formatDuration(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds)) return 'n/a';
	if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
	if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
	return `${(seconds / 3600).toFixed(1)} h`;
}
