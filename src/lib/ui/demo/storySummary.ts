// The demo's plain-language summary, written from the live report: what rose and what fell from
// the first model of a chain to its last sampled one (with figures and whether the paired interval
// excludes 0), and whether that is a reversal by the report's own verdict. Never a word about
// results that the report does not hold.
import type { Interval, Signal, VerdictKind } from '$lib/core/metrics/reportTypes';
import { formatMinEffect } from '$lib/core/metrics/formatSignal';
import type { Showcase } from '$lib/core/samples';
import type { SampleFilter } from '$lib/ui/samples/sampleQuery';
import { fmtNum, fmtPct, fmtSigned } from '$lib/ui/charts/scales';
import { iterationSeries, type Chain, type ChainModel, type IterationMeasure, type MeasureId, type StoryModel, type StoryReport } from './iterationSeries';

export type Direction = 'rose' | 'fell' | 'flat';

/** Fewer problems than this under a paired difference and the story does not call it a move. */
const MIN_PROBLEMS = 5;

export interface StoryChange {
	id: MeasureId;
	label: string;
	from: number | undefined;
	to: number | undefined;
	/** to - from: the verdict's paired difference when it has one. */
	delta: number | undefined;
	ci?: Interval;
	/** rose / fell only when the 95% interval excludes 0. */
	direction: Direction;
	text: string;
}

export interface StoryLink {
	filter: Partial<SampleFilter>;
	text: string;
}

export interface Story {
	state: 'waiting' | 'no-change' | 'changed';
	from?: ChainModel;
	to?: ChainModel;
	/** Later models of the chain have no samples yet. */
	partial: boolean;
	lead: string;
	changes: StoryChange[];
	verdict?: VerdictKind;
	verdictText?: string;
	link?: StoryLink;
}

const SIGNAL: Record<MeasureId, Signal['id'] | undefined> = {
	pass1: 'pass1',
	passN: 'passAtN',
	distinctCorrect: 'distinctN',
	oodPass1: 'ood',
	hardestPass1: 'hardestLevel'
};

function listed(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function change(measure: IterationMeasure, from: ChainModel, to: ChainModel, paired: Signal | undefined): StoryChange {
	const a = measure.points.find((p) => p.model === from.id)?.value;
	const b = measure.points.find((p) => p.model === to.id)?.value;
	const own = a !== undefined && b !== undefined ? b - a : undefined;
	const delta = paired?.difference.delta ?? own;
	const ci = paired?.difference.ci;
	// A bootstrap over a handful of problems (a level with one problem in a short run) gives an
	// interval that says nothing: too few problems, or a change under the minimum effect, is no move.
	const few = paired !== undefined && paired.difference.problems < MIN_PROBLEMS;
	const small = paired !== undefined && delta !== undefined && Math.abs(delta) < paired.minEffect;
	const direction: Direction = few || small ? 'flat' : ci && ci.low > 0 ? 'rose' : ci && ci.high < 0 ? 'fell' : 'flat';
	const pct = measure.format === 'pct';
	const value = (v: number | undefined) => (pct ? fmtPct(v) : fmtNum(v));
	const signed = (v: number | undefined) => (pct ? fmtSigned(v) : fmtSigned(v, 3, 1));
	const unit = pct ? ' points' : '';
	// The paired difference is over the problems both models have a value on; say so when that
	// makes it differ from the two values shown.
	const on = paired && own !== undefined && delta !== undefined && signed(own) !== signed(delta) ? ` on the ${paired.difference.problems} problems both have` : '';
	const interval = ci ? `95% interval ${signed(ci.low)} to ${signed(ci.high)}` : 'no interval';
	const verb = direction !== 'flat' ? `${direction} from ${value(a)} to ${value(b)}` : value(a) === value(b) ? `stayed at ${value(a)}` : `went from ${value(a)} to ${value(b)}`;
	const why = few
		? `; on ${paired.difference.problems === 1 ? 'one problem' : `only ${paired.difference.problems} problems`} both have, too few to tell`
		: direction === 'flat'
			? ci && (ci.low > 0 || ci.high < 0)
				? `; the ${interval} is clear, but the change is under the ${formatMinEffect(paired!)} that counts`
				: ci
					? `; the ${interval} includes 0, so within noise`
					: `; ${interval}, so no significance either way`
			: `; ${interval}`;
	return { id: measure.id, label: measure.label, from: a, to: b, delta, ...(ci ? { ci } : {}), direction, text: `${measure.label} ${verb} (${signed(delta)}${unit}${on}${why}).` };
}

function verdictText(kind: VerdictKind, fired: string[], headline: Direction, refLabel: string): string {
	const against = `By the report's verdict against ${refLabel}`;
	const signals = `the regression signal${fired.length === 1 ? '' : 's'} ${listed(fired)} fired`;
	if (kind === 'reversal') return `${against}, that is a self-improvement reversal: pass@1 rose significantly while ${signals}.`;
	if (kind === 'progress') return `${against}, that is progress, not a reversal: pass@1 rose and no regression signal fired.`;
	if (kind === 'regression') return `${against}, that is a regression, not a reversal: pass@1 ${headline === 'fell' ? 'fell' : 'did not rise significantly'}${fired.length ? `, and ${signals}` : ''}.`;
	return `The report's verdict against ${refLabel} is inconclusive: pass@1 did not move beyond its interval and no regression signal fired.`;
}

/** Where to look in the samples for what the summary says. */
function evidence(to: StoryModel | undefined, from: ChainModel, last: ChainModel, changes: StoryChange[], showcase: Showcase | undefined): StoryLink | undefined {
	const models = [from.id, last.id];
	const fell = (id: MeasureId) => changes.some((c) => c.id === id && c.direction === 'fell');
	if (showcase)
		return {
			filter: { problem: showcase.problem, models, correctness: 'correct' },
			text: `See a problem ${from.label} solved in ${showcase.fromWays} distinct ways and ${last.label} in ${showcase.toWays === 1 ? 'one' : showcase.toWays}`
		};
	if (fell('distinctCorrect')) return { filter: { models, correctness: 'correct' }, text: `See the correct samples of ${from.label} and ${last.label} side by side` };
	const sets = to?.sets;
	if (sets?.regressed.length)
		return { filter: { models, set: { model: last.id, kind: 'regressed' } }, text: `See the ${sets.regressed.length} problems ${from.label} solved and ${last.label} no longer does` };
	if (sets?.improved.length)
		return { filter: { models, set: { model: last.id, kind: 'improved' } }, text: `See the ${sets.improved.length === 1 ? 'problem' : `${sets.improved.length.toLocaleString('en')} problems`} ${last.label} newly solves` };
	return { filter: { models, changed: true }, text: `See the problems where ${from.label} and ${last.label} differ` };
}

/**
 * The story of one chain in the report: from its first model (the report's reference when the
 * chain holds it) to its last model with samples. Waiting until both have samples.
 */
export function storySummary(report: StoryReport, chain: Chain, showcase?: Showcase): Story {
	const sampled = (c: ChainModel) => (report.models.find((m) => m.model === c.id)?.problems ?? 0) > 0;
	const from = chain.models.find((c) => c.id === report.reference) ?? chain.models[0];
	const later = from ? chain.models.filter((c) => c.iteration > from.iteration) : [];
	const to = [...later].reverse().find(sampled);
	if (!from || !to || !sampled(from)) {
		const need = from ? [from, ...later.slice(0, 1)].filter((c) => !sampled(c)).map((c) => c.label) : [];
		const lead = need.length
			? `Waiting for samples from ${listed(need)}: the summary is written from the report once ${from?.label ?? 'the first model'} and a later model have been sampled.`
			: 'Waiting: this chain has no model after the first one to compare with.';
		return { state: 'waiting', partial: true, lead, changes: [] };
	}
	const toReport = report.models.find((m) => m.model === to.id);
	const paired = from.id === report.reference ? toReport?.verdict : undefined;
	const signalOf = (id: MeasureId): Signal | undefined => {
		if (!paired) return undefined;
		if (id === 'pass1') return paired.headline;
		if (id === 'distinctCorrect' && report.options.verdictDiversitySubset !== 'correct') return undefined;
		return paired.signals.find((s) => s.id === SIGNAL[id]);
	};
	const changes = iterationSeries(report, chain).map((m) => change(m, from, to, signalOf(m.id)));
	const partial = later.some((c) => c.iteration > to.iteration);
	const span = `From ${from.label} to ${to.label}${partial ? ' (so far: later models have no samples yet)' : ''}`;
	const rose = changes.filter((c) => c.direction === 'rose').map((c) => c.label);
	const fell = changes.filter((c) => c.direction === 'fell').map((c) => c.label);
	const lead =
		rose.length + fell.length === 0
			? `No change: ${span.charAt(0).toLowerCase()}${span.slice(1)}, no headline measure moved beyond its 95% interval.`
			: `${span}, ${[rose.length ? `${listed(rose)} rose` : '', fell.length ? `${listed(fell)} fell` : ''].filter(Boolean).join(' while ')}.`;
	const story: Story = { state: rose.length + fell.length ? 'changed' : 'no-change', from, to, partial, lead, changes, link: evidence(toReport, from, to, changes, showcase) };
	if (paired) {
		const head = changes.find((c) => c.id === 'pass1')?.direction ?? 'flat';
		const fired = paired.signals.filter((s) => s.fired).map((s) => s.label);
		story.verdict = paired.kind;
		story.verdictText = verdictText(paired.kind, fired, head, from.label);
	}
	return story;
}
