// The metric registry: every metric of the report, once, in the order of the tidy table, the
// headline tables and the dashboard's charts. Adding a metric = one descriptor file in measures/
// + one line here (+ its test); a per-problem measure needs nothing else.
import type { MetricDescriptor } from './metricTypes';
import { pass1GreedyMetric } from './measures/pass1GreedyMetric';
import { pass1SampledMetric } from './measures/pass1SampledMetric';
import { passAtKMetric } from './measures/passAtKMetric';
import { majAtKMetric } from './measures/majAtKMetric';
import { coverageMetric } from './measures/coverageMetric';
import { distinctNMetric } from './measures/distinctNMetric';
import { eadMetric } from './measures/eadMetric';
import { semanticMetric } from './measures/semanticMetric';
import { equationsMetric } from './measures/equationsMetric';
import { answerDiversityMetric } from './measures/answerDiversityMetric';
import { entropyMetric } from './measures/entropyMetric';
import { accuracyMetric } from './measures/accuracyMetric';
import { groupDisparityMetric } from './measures/groupDisparityMetric';
import { improvementSetMetric } from './measures/improvementSetMetric';
import { regressionSetMetric } from './measures/regressionSetMetric';
import { referenceOnImprovedMetric } from './measures/referenceOnImprovedMetric';
import { withinReachMetric } from './measures/withinReachMetric';
import { passHatKMetric } from './measures/passHatKMetric';
import { crossoverKMetric } from './measures/crossoverKMetric';
import { solvableBothMetric } from './measures/solvableBothMetric';
import { solvableOnlyModelMetric } from './measures/solvableOnlyModelMetric';
import { solvableOnlyReferenceMetric } from './measures/solvableOnlyReferenceMetric';
import { differenceMetric } from './measures/differenceMetric';
import { coverMetric } from './measures/coverMetric';

export const METRICS: readonly MetricDescriptor[] = [
	pass1GreedyMetric,
	pass1SampledMetric,
	passAtKMetric,
	majAtKMetric,
	coverageMetric,
	distinctNMetric,
	eadMetric,
	semanticMetric,
	equationsMetric,
	answerDiversityMetric,
	entropyMetric,
	accuracyMetric,
	groupDisparityMetric,
	improvementSetMetric,
	regressionSetMetric,
	referenceOnImprovedMetric,
	withinReachMetric,
	passHatKMetric,
	crossoverKMetric,
	solvableBothMetric,
	solvableOnlyModelMetric,
	solvableOnlyReferenceMetric,
	differenceMetric,
	coverMetric
];
