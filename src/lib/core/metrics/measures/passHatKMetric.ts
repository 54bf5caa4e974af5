import type { MetricDescriptor } from '../metricTypes';
import { measureValues } from '../measureValues';
import { passHatK } from '../passHatK';

export const passHatKMetric: MetricDescriptor = {
	id: 'passHatK',
	label: 'pass^k',
	csv: 'pass^k',
	explanation:
		'pass^k (reliability, as in Inspect and tau-bench) is the chance that k samples of a problem, drawn without replacement from its n samples of which c are correct, are all correct: C(c, k) / C(n, k), computed as the product over i = 0..k-1 of (c - i) / (n - i); then the mean over problems. It uses the same k grid as pass@k, and a problem with fewer than k samples has no value (left out, never a failure).\n\nAt k = 1 it equals pass@1 (sampled), and pass^k <= pass@1 <= pass@k: pass@k asks whether a model can solve a problem at all, pass^k whether it solves it every time. Post-training that only sharpens the distribution raises pass^k and pass@1 while pass@k at large k stays or falls.',
	unit: 'rate',
	better: 'up',
	subsets: ['all'],
	perProblem: { grid: (ks) => ks, value: (s, k) => (s.n > 0 ? passHatK(s.n, s.c, k) : undefined) },
	values: (m) => measureValues(m.measures.passHatK, 'k'),
	points: (m) => m.measures.passHatK ?? [],
	labelAt: (k) => `pass^${k}`,
	headline: { label: (r) => `pass^${r.ks[r.ks.length - 1] ?? 'n'}`, cell: (m, r) => m.measures.passHatK?.find((p) => p.at === r.ks[r.ks.length - 1]) },
	charts: [
		{
			id: 'pass-hat-k',
			section: 'beyond',
			kind: 'curve',
			title: 'pass^k (all k tries correct)',
			description: 'The chance that k samples of a problem are all correct, per model over k = 1, 2, 4, … n, with 95% bootstrap bands.',
			yLabel: 'pass^k (% of problems)',
			opens: 'model'
		}
	]
};
