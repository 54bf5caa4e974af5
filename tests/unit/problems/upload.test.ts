import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, decodeUpload, firstInvalidUtf8, guessMapping, isUploadError, mapFields, parseCsv, parseJsonl, problemsToCsv, problemsToJsonl } from '../../../src/lib/core/problems';

const bytes = (s: string) => new TextEncoder().encode(s);
const thrown = (f: () => unknown): Error => {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
};

describe('upload parsers', () => {
	it('parseJsonl(text) reads objects with their line numbers, skipping blank lines', () => {
		const t = parseJsonl('{"question":"1+1?","answer":2}\n\n{"question":"2+2?","answer":"4","split":"ood"}\n');
		expect(t.records.map((r) => r.line)).toEqual([1, 3]);
		expect(t.columns).toEqual(['question', 'answer', 'split']);
	});

	it('parseJsonl(text) names the line of invalid JSON and of a non-object', () => {
		expect(thrown(() => parseJsonl('{"a":1}\n{"a":\n')).message).toMatch(/^Line 2 is not valid JSON/);
		expect(thrown(() => parseJsonl('{"a":1}\n[1,2]')).message).toMatch(/^Line 2 should be a JSON object/);
		expect(isUploadError(thrown(() => parseJsonl('\n\n')), 'empty')).toBe(true);
	});

	it('parseJsonl(text) refuses a 10 MB line by size, naming the line', () => {
		const huge = `{"question":"${'x'.repeat(10 * 1024 * 1024)}","answer":1}`;
		const e = thrown(() => parseJsonl(`{"question":"a","answer":1}\n${huge}\n`));
		expect(isUploadError(e, 'line-too-long')).toBe(true);
		expect(e.message).toMatch(/^Line 2 is 10\.0 MB long; a line may hold at most 1\.0 MB/);
	});

	it('decodeUpload(bytes) reports invalid UTF-8 by byte offset and line, and the size limit', () => {
		const good = bytes('{"q":"é"}\n');
		expect(decodeUpload(good)).toBe('{"q":"é"}\n');
		const bad = new Uint8Array([...bytes('line one\nline two \u00e9\n'), 0xff, 0x41]);
		const e = thrown(() => decodeUpload(bad));
		expect(e.message).toMatch(/byte 21 \(line 3\)/);
		expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
		expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
		expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(0); // truncated
		expect(firstInvalidUtf8(bytes('ok 😀'))).toBeUndefined();
		expect(thrown(() => decodeUpload(new Uint8Array(2048), 1024)).message).toMatch(/2\.0 kB; the limit is 1\.0 kB/);
		expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
	});

	it('parseCsv(text) handles quotes, "" escapes, embedded newlines and CRLF', () => {
		const t = parseCsv('question,answer\r\n"Say ""hi"", then add 1, 2",3\r\n"two\nlines",4\r\n');
		expect(t.records).toEqual([
			{ line: 2, values: { question: 'Say "hi", then add 1, 2', answer: '3' } },
			{ line: 3, values: { question: 'two\nlines', answer: '4' } }
		]);
	});

	it('parseCsv(text) names the line of a wrong cell count and of an unclosed quote', () => {
		expect(thrown(() => parseCsv('question,answer\na,1\nb,2,3\n')).message).toMatch(/^Line 3 has 3 cells but the header has 2/);
		expect(thrown(() => parseCsv('question,answer\na,1\n"b,2\n')).message).toMatch(/^Line 3: a quoted cell is never closed/);
	});

	it('parseCsv(text) refuses a 10 MB cell by size, naming its line', () => {
		const e = thrown(() => parseCsv(`question,answer\nok,1\n"${'y'.repeat(10 * 1024 * 1024)}",2\n`));
		expect(isUploadError(e, 'line-too-long')).toBe(true);
		expect(e.message).toMatch(/^A cell on line 3 is longer than 1\.0 MB, the limit for one cell/);
	});

	it('parseCsv(text) keeps cells beginning with = + @ - as plain text', () => {
		const t = parseCsv('question,answer\n=1+1,+2\n@SUM(A1),-3\n');
		expect(t.records.map((r) => r.values)).toEqual([
			{ question: '=1+1', answer: '+2' },
			{ question: '@SUM(A1)', answer: '-3' }
		]);
	});

	it('guessMapping(columns) + mapFields(table, mapping) build problems with split, level, choices', () => {
		const table = parseJsonl(
			[
				'{"id":"a","problem":"1+1?","gold":"2","split":"ood","level":"Level 2","subject":"arith"}',
				'{"problem":"Pick","gold":"B","options":["x","y"]}',
				'{"problem":"Pick","gold":"y","options":"x | y"}'
			].join('\n')
		);
		const mapping = guessMapping(table.columns);
		expect(mapping).toMatchObject({ question: 'problem', answer: 'gold', id: 'id', split: 'split', level: 'level', subject: 'subject', choices: 'options' });
		const { problems, issues } = mapFields(table, mapping as Required<typeof mapping>);
		expect(issues).toEqual([]);
		expect(problems[0]).toMatchObject({ id: 'a', answer: '2', answerType: 'number', split: 'ood', level: 2, subject: 'arith' });
		expect(problems[1]).toMatchObject({ id: 'upload-2', answer: 'B', answerType: 'choice', choices: ['x', 'y'], split: 'in-domain' });
		expect(problems[2]).toMatchObject({ answer: 'B' });
	});

	it('mapFields(...) lists line-numbered issues and keeps the good records', () => {
		const table = parseCsv('q,a,split,level\nfine,1,,\n,2,,\nok,3,middle,\nok2,4,,high\n');
		const { problems, issues } = mapFields(table, { question: 'q', answer: 'a', split: 'split', level: 'level' });
		expect(problems.map((p) => p.question)).toEqual(['fine', 'ok', 'ok2']);
		expect(issues.map((i) => i.message)).toEqual([
			'Line 3, q: the question is empty.',
			'Line 4, split: "middle" is not a split; use "in-domain" or "ood".',
			'Line 5, level: "high" is not a level; use a whole number from 1 (or "Level 3").'
		]);
		expect(mapFields(table, { question: 'nope', answer: 'a' }).issues[0]?.field).toBe('question');
	});

	it('problemsToCsv(problems) neutralises formula cells and round-trips through parseCsv', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('@A1')).toBe("'@A1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('plain')).toBe('plain');
		const csv = problemsToCsv([{ id: 'x', question: '=1+1, really', answer: '2', answerType: 'number', split: 'in-domain', level: 1 }]);
		const back = parseCsv(csv).records[0]?.values;
		expect(back).toMatchObject({ question: "'=1+1, really", answer: '2', level: '1' });
		for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(/^[=+@]/.test(cell)).toBe(false);
	});

	it('csvCell(...) rows read back by parseCsv give every cell, formula-like ones with a leading apostrophe', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', '=', '+', '-', '@', ' ', 'é'), maxLength: 12 });
		fc.assert(
			fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
				const csv = ['x,y', ...rows.map(([a, b]) => `${csvCell(a)},${csvCell(b)}`)].join('\r\n') + '\r\n';
				const back = parseCsv(csv).records.map((r) => [r.values.x, r.values.y]);
				const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
				// A row of one empty cell is indistinguishable from a blank line; such rows cannot occur here (two cells).
				expect(back).toEqual(expected);
			}),
			{ numRuns: 300, seed: 42 }
		);
	});

	it('problemsToJsonl(problems) is one stable JSON object per line that parseJsonl reads back', () => {
		const ps = [{ id: 'x', question: 'q\n"2"', answer: '2', answerType: 'number' as const, split: 'ood' as const, level: 3 }];
		const text = problemsToJsonl(ps);
		expect(text).toBe('{"id":"x","question":"q\\n\\"2\\"","answer":"2","answerType":"number","split":"ood","level":3}\n');
		expect(parseJsonl(text).records[0]?.values).toEqual(ps[0]);
	});
});
