import { fmtSigned } from '../format';
import type { Signal } from './reportTypes';

/**
 * A verdict signal's difference with its interval, e.g. "−3.3 pts [−8.3, +0.0]": rates in
 * percentage points; forgetting (a mean of per-problem weights, not a rate) as it is.
 */
export function formatSignal(s: Signal, units = true): string {
	const d = s.difference;
	const scale = s.id === 'forgetting' ? 1 : 100;
	const unit = units && s.id !== 'forgetting' ? ' pts' : '';
	const ci = d.ci ? ` [${fmtSigned(d.ci.low, 1, scale)}, ${fmtSigned(d.ci.high, 1, scale)}]` : '';
	return `${fmtSigned(d.delta, 1, scale)}${unit}${ci}`;
}
