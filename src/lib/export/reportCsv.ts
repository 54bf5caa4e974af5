// The tidy metrics table (the command-line tool's --csv columns), loaded on demand.
import type { Report } from '$lib/core/metrics/reportTypes';

type CsvLib = { tidyRows(report: Report): unknown[]; toCsv(rows: unknown[]): string };

export async function reportCsv(report: Report): Promise<string> {
	const lib = (await import('$lib/core/metrics')) as unknown as Partial<CsvLib>;
	if (!lib.tidyRows || !lib.toCsv) throw new Error('The tidy CSV export is not available in this build.');
	return lib.toCsv(lib.tidyRows(report));
}
