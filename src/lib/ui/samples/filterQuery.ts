// A samples-browser filter in a URL query, so a link can open the report page on the samples that
// show something (the demo's summary links there). Only the fields a link needs.
import type { Correctness, SampleFilter } from './sampleQuery';

const CORRECTNESS: Correctness[] = ['any', 'correct', 'incorrect'];

export function filterToQuery(filter: Partial<SampleFilter>, heading?: string): URLSearchParams {
	const q = new URLSearchParams();
	if (filter.models?.length) q.set('models', filter.models.join(','));
	if (filter.problem !== undefined) q.set('problem', filter.problem);
	if (filter.correctness && filter.correctness !== 'any') q.set('correctness', filter.correctness);
	if (filter.set) q.set('set', `${filter.set.kind}:${filter.set.model}`);
	if (filter.changed) q.set('changed', '1');
	if (filter.split) q.set('split', filter.split);
	if (filter.level !== undefined) q.set('level', String(filter.level));
	if (heading) q.set('why', heading);
	return q;
}

/** The filter a query names, or undefined when it names none. Unknown values are ignored. */
export function filterFromQuery(q: URLSearchParams): { filter: Partial<SampleFilter>; heading?: string } | undefined {
	const filter: Partial<SampleFilter> = {};
	const models = q.get('models');
	if (models) filter.models = models.split(',').filter(Boolean);
	const problem = q.get('problem');
	if (problem) filter.problem = problem;
	const correctness = q.get('correctness') as Correctness | null;
	if (correctness && CORRECTNESS.includes(correctness)) filter.correctness = correctness;
	const set = /^(improved|regressed):(.+)$/.exec(q.get('set') ?? '');
	if (set) filter.set = { kind: set[1] as 'improved' | 'regressed', model: set[2]! };
	if (q.get('changed') === '1') filter.changed = true;
	const split = q.get('split');
	if (split === 'in-domain' || split === 'ood') filter.split = split;
	const level = q.get('level') ?? '';
	if (/^\d+$/.test(level)) filter.level = Number(level);
	if (!Object.keys(filter).length) return undefined;
	const heading = q.get('why');
	return heading ? { filter, heading } : { filter };
}
