import type { MetricDescriptor } from '../metricTypes';
import { measureValues } from '../measureValues';

const TAUS = [0.25, 0.5, 0.75, 1] as const;

export const coverMetric: MetricDescriptor = {
	id: 'cover',
	label: 'cover@tau',
	csv: 'cover',
	explanation:
		'Cover@tau (Dragoi et al., "Beyond pass@k", 2025) is the share of problems whose success rate c/n, over the sampled outputs, is at least tau, for tau = 0.25, 0.5, 0.75 and 1, with a 95% problem-level bootstrap interval; problems without sampled outputs are left out. It falls as tau rises. pass@k at large k rewards a lucky guess (one correct sample in n counts as solved, which on short numeric answers can be chance); Cover@tau asks how many problems the model solves reliably. pass@k is a Beta(1, k)-weighted average of the Cover curve over tau.',
	unit: 'rate',
	better: 'up',
	subsets: TAUS.map((t) => `tau:${t}`),
	perProblem: { grid: () => TAUS, value: (s, tau) => (s.n > 0 ? (s.c >= tau * s.n - 1e-9 ? 1 : 0) : undefined) },
	values: (m) => measureValues(m.measures.cover, 'tau'),
	points: (m) => m.measures.cover ?? [],
	labelAt: (tau) => `cover@${tau}`,
	headline: { label: () => 'cover@0.5', cell: (m) => m.measures.cover?.find((p) => p.at === 0.5) },
	charts: [
		{
			id: 'cover',
			section: 'beyond',
			kind: 'gridBars',
			title: 'Cover@tau: problems solved reliably',
			description: 'Share of problems whose per-problem success rate c/n is at least tau, per model, with 95% bootstrap intervals.',
			yLabel: 'problems with c/n ≥ tau (%)',
			opens: 'problemsAt'
		}
	]
};
