import type { Problem } from '../types';

/** One problem per line, fields in a fixed order so the same set gives the same bytes. */
export function problemsToJsonl(problems: readonly Problem[]): string {
	const keys: (keyof Problem)[] = ['id', 'question', 'answer', 'answerType', 'choices', 'split', 'level', 'subject', 'solution'];
	return problems.map((p) => JSON.stringify(Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])))).join('\n') + (problems.length ? '\n' : '');
}

/**
 * A CSV cell that a spreadsheet cannot run: text starting with = + - @ (or a tab / return)
 * gets a leading apostrophe, then quotes where needed (OWASP's CSV-injection advice).
 */
export function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function problemsToCsv(problems: readonly Problem[]): string {
	const header = ['id', 'question', 'answer', 'answerType', 'choices', 'split', 'level', 'subject'];
	const lines = problems.map((p) =>
		[p.id, p.question, p.answer, p.answerType, p.choices ? JSON.stringify(p.choices) : '', p.split, p.level === undefined ? '' : String(p.level), p.subject ?? ''].map(csvCell).join(',')
	);
	return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
