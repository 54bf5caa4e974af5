// Sizes in words. Downloads and storage use decimal units (as browsers and download managers
// show them); WebLLM's vram_required_MB is shown as it is published, in MB.

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** 1234567 -> "1.2 MB"; undefined or a negative/NaN input -> "unknown". */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return 'unknown';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${value.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** 1060.2 -> "1,060 MB". */
export function formatMegabytes(mb: number | undefined): string {
	if (mb === undefined || !Number.isFinite(mb) || mb < 0) return 'unknown';
	return `${Math.round(mb).toLocaleString('en-US')} MB`;
}
