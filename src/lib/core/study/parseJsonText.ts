import { jsonErrorOffset } from './jsonErrorOffset';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, text.length);
	for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: end - lineStart + 1 };
}

/**
 * JSON.parse with an error that says where: "line 3, column 14: Expected ',' or '}' ...".
 * A leading byte-order mark is ignored. Never throws.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim().length === 0) return { ok: false, message: 'the file is empty' };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch (e) {
		const raw = e instanceof Error ? e.message : String(e);
		const reason = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
		const at = /position (\d+)/.exec(raw);
		const offset = at ? Number(at[1]) : jsonErrorOffset(body);
		if (offset !== undefined && (at || offset < body.length)) {
			const { line, column } = lineColumn(body, offset);
			const bare = /^-?(NaN|Infinity)/.exec(body.slice(offset, offset + 9));
			const why = bare ? `${bare[0]} is not a JSON value: write null, or a number` : reason;
			return { ok: false, message: `line ${line}, column ${column}: invalid JSON (${why})` };
		}
		if (/end of JSON input|Unterminated/i.test(raw)) {
			const { line, column } = lineColumn(body, body.length);
			return { ok: false, message: `line ${line}, column ${column}: the JSON ends too early (truncated file?)` };
		}
		return { ok: false, message: `invalid JSON (${reason})` };
	}
}
