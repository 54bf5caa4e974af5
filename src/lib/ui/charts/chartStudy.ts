// The study a page's charts belong to, for their exports (the name under the title, the file
// name): the page sets it once, every ChartFrame below reads it.
import { getContext, setContext } from 'svelte';

const KEY = Symbol('chart-study');

export const setChartStudy = (name: () => string | undefined): void => void setContext(KEY, name);
export const chartStudy = (): string | undefined => getContext<(() => string | undefined) | undefined>(KEY)?.();

/** A study name as a file name: "Twelve models" -> "twelve-models"; '' when nothing is left. */
export const studySlug = (study: string | undefined): string =>
	(study ?? '')
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');

/** A file name from a study name and a chart id: "Twelve models" + "pass-at-k" -> "twelve-models-pass-at-k". */
export function chartFileName(study: string | undefined, id: string): string {
	const slug = studySlug(study);
	return slug ? `${slug}-${id}` : id;
}
