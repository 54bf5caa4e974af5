import type { Lap, Phase } from '../../src/lib/core/types';

/** Sums the time between laps per phase, with the process's CPU time and peak memory, for --timings. */
export function phaseClock(): { lap: Lap; summary(): Record<string, number> } {
	const ms: Partial<Record<Phase, number>> = {};
	const start = performance.now();
	let last = start;
	return {
		lap(phase) {
			const now = performance.now();
			ms[phase] = (ms[phase] ?? 0) + (now - last);
			last = now;
		},
		summary() {
			const cpu = process.cpuUsage();
			const round = (x: number) => Math.round(x);
			return {
				...Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v)])),
				wallMs: round(performance.now() - start),
				cpuMs: round((cpu.user + cpu.system) / 1000),
				peakMB: round(process.resourceUsage().maxRSS / 1024)
			};
		}
	};
}
