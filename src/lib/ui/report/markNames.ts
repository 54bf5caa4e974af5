// Names that came with a file or a link (model labels, the study's name) as the dashboard and the
// samples browser show them: bidi overrides and zero-width characters made visible ("M1<U+202E>"),
// so a label can neither pass for another nor reorder the text around it. Only the shown copy is
// marked; the bundle and its exports keep the names as they are.
import { markInvisible } from '$lib/core/text';
import type { Report } from '$lib/core/metrics/reportTypes';

/** The models with their labels marked (the same array when no label needs it). */
export function markLabels<T extends { label: string }>(models: T[]): T[] {
	const marked = models.map((m) => markInvisible(m.label));
	return marked.every((l, i) => l === models[i]?.label) ? models : models.map((m, i) => ({ ...m, label: marked[i] ?? m.label }));
}

/** The report with its models' labels marked (the same object when none needs it). */
export function markReportNames(report: Report): Report {
	const models = markLabels(report.models);
	return models === report.models ? report : { ...report, models };
}
