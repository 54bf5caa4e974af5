import type { Bundle } from '../types';
import { createReportBuilder, type ReportBuildOptions } from './createReportBuilder';
import type { Report } from './reportTypes';

/**
 * Everything the dashboard and the command-line tool show, as a pure function of the bundle:
 * the same bundle and options give the same report on any machine. The incremental form
 * (createReportBuilder) gives the identical report for the same samples.
 */
export function computeReport(bundle: Bundle, options: ReportBuildOptions = {}): Report {
	return createReportBuilder(bundle, { ...options, keepCounts: false }).report();
}
