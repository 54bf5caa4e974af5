import { fmtSigned } from '../format';
import type { Signal } from './reportTypes';

/** Signals measured as shares in [0, 1] of something other than problems: shown as they are, like the tables show them. */
const RATIOS: ReadonlySet<string> = new Set(['distinctN', 'semantic', 'equations', 'answerDiversity']);

/**
 * A verdict signal's difference with its interval, e.g. "−3.3 pts [−8.3, 0.0]": rates of problems
 * in percentage points; diversity ratios (Distinct-n 0.260 in the tables) and forgetting (a mean of
 * per-problem weights) as they are.
 */
/** Digits and scale of a signal's numbers. */
function scaleOf(s: Signal): [digits: number, scale: number] {
	return RATIOS.has(s.id) ? [3, 1] : s.id === 'forgetting' ? [1, 1] : [1, 100];
}

/** Signals whose least change is a number of problems (a share of those compared). */
const SET_SIZES: ReadonlySet<string> = new Set(['forgetting', 'solvableOnlyReference']);

/** The least change that counts for a signal, in its own terms: "2.0 pts", "0.020", "1 problem". */
export function formatMinEffect(s: Signal): string {
	if (SET_SIZES.has(s.id)) {
		const problems = Math.round(s.minEffect * s.difference.problems * 1000) / 1000;
		return `${problems} problem${problems === 1 ? '' : 's'}`;
	}
	const [digits, scale] = scaleOf(s);
	return `${(s.minEffect * scale).toFixed(digits)}${scale === 100 ? ' pts' : ''}`;
}

export function formatSignal(s: Signal, { units = true, interval = true }: { units?: boolean; interval?: boolean } = {}): string {
	const d = s.difference;
	const [digits, scale] = scaleOf(s);
	const unit = units && scale === 100 ? ' pts' : '';
	const ci = interval && d.ci ? ` [${fmtSigned(d.ci.low, digits, scale)}, ${fmtSigned(d.ci.high, digits, scale)}]` : '';
	return `${fmtSigned(d.delta, digits, scale)}${unit}${ci}`;
}
