import { formatSignal } from './formatSignal';
import type { Signal, Verdict, VerdictKind } from './reportTypes';

function listed(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The verdict of METRICS.md section 8 from the headline and the regression signals: reversal =
 * pass@1 rises significantly and at least one regression signal fired; progress = it rises and none
 * fired; regression = it falls significantly, or it does not rise and a signal fired; otherwise
 * inconclusive. The summary names the numbers so the verdict can be checked by eye.
 */
export function verdictOf(model: string, reference: string, headline: Signal, signals: readonly Signal[]): Verdict {
	const ci = headline.difference.ci;
	const up = headline.fired;
	// A fall counts under the same rule as a rise: a clear interval and at least the minimum effect.
	const delta = headline.difference.delta;
	const down = ci !== undefined && ci.high < 0 && delta !== undefined && -delta >= headline.minEffect;
	const fired = signals.filter((s) => s.fired);
	const kind: VerdictKind = up && fired.length > 0 ? 'reversal' : up ? 'progress' : down || fired.length > 0 ? 'regression' : 'inconclusive';
	const head = `${headline.label} ${formatSignal(headline, { units: false, interval: false })} points`;
	const headNote = headline.unavailable ? ` (${headline.unavailable})` : up || down ? '' : ' (interval includes 0)';
	const firedText = listed(fired.map((s) => `${s.label} ${formatSignal(s, { interval: false })}`));
	const tail = fired.length === 0 ? ' and no regression signal fired' : up ? `, but ${firedText}` : `; ${firedText}`;
	return { model, reference, kind, headline, signals: [...signals], summary: `${head}${headNote}${tail}: ${kind}.` };
}
