import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProblems, guessMapping, mapFields, parseCsv, parseProblemFile, problemsToJsonl, type FieldMapping } from '../../../src/lib/core/problems';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('tools/problems.ts', () => {
	it('--preset offline --seed 7 --count 200 --out f.jsonl writes exactly the generated set', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'problems-')), 'p.jsonl');
		execFileSync(tsx, ['tools/problems.ts', '--preset', 'offline', '--seed', '7', '--count', '200', '--out', out], { stdio: 'pipe' });
		expect(readFileSync(out, 'utf8')).toBe(problemsToJsonl(generateProblems({ family: 'offline', seed: 7, count: 200 })));
	});

	it('--family word --split ood --levels 2 --format csv prints CSV of that stratum', () => {
		const csv = execFileSync(tsx, ['tools/problems.ts', '--family', 'word', '--split', 'ood', '--levels', '2', '--count', '5', '--format', 'csv'], { encoding: 'utf8' });
		const rows = parseCsv(csv).records.map((r) => r.values);
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => r.split === 'ood' && r.level === '2')).toBe(true);
	});

	it('--from gsm8k.jsonl writes the upload path’s problems and prints its notes', () => {
		const file = 'tests/fixtures/datasets/gsm8k-test.jsonl';
		const r = spawnSync(tsx, ['tools/problems.ts', '--from', file], { encoding: 'utf8' });
		expect(r.status).toBe(0);
		const table = parseProblemFile(readFileSync(file, 'utf8'), file);
		expect(r.stdout).toBe(problemsToJsonl(mapFields(table, guessMapping(table.columns) as FieldMapping).problems));
		expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).answer)).toEqual(['16', '43200', '30.25', '-7']);
		expect(r.stderr).toContain("note: gold taken from '#### ...' for 4 problems");
	}, 60_000);

	// Each spawn of tsx takes 8-20 s on a loaded 2-core machine: one or two per test, with room.
	const math = 'tests/fixtures/datasets/math-test.jsonl';

	it('--from math.jsonl (no answer column) takes golds, levels and subjects from the solution, level and type columns', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'problems-')), 'math.jsonl');
		const r = spawnSync(tsx, ['tools/problems.ts', '--from', math, '--out', out], { encoding: 'utf8' });
		expect(r.status).toBe(0);
		const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
		expect(rows.map((p) => [p.answer, p.level, p.subject])[2]).toEqual(['-2, 1', 3, 'Algebra']);
		expect(r.stderr).toContain('note: 1 problem marked "Level ?" has no level');
	}, 60_000);

	it('--from with --map changes a guess, and an unknown column is refused with exit code 2', () => {
		const mapped = spawnSync(tsx, ['tools/problems.ts', '--from', math, '--map', 'subject=,id=type'], { encoding: 'utf8' });
		expect(mapped.stderr).toContain('the id "Prealgebra" is used twice');
		const bad = spawnSync(tsx, ['tools/problems.ts', '--from', math, '--map', 'question=nope'], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('has no column "nope" (its columns: problem, level, type, solution)');
	}, 60_000);

	it('--from with --answer-as-is keeps the worked GSM8K answers as written', () => {
		const asIs = spawnSync(tsx, ['tools/problems.ts', '--from', 'tests/fixtures/datasets/gsm8k-test.jsonl', '--answer-as-is'], { encoding: 'utf8' });
		expect(JSON.parse(asIs.stdout.split('\n')[0] as string).answer).toMatch(/^She bakes/);
	}, 60_000);

	it('a bad option is refused with its name and exit code 2', () => {
		const r = spawnSync(tsx, ['tools/problems.ts', '--count', 'many'], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/--count should be an integer; got "many"/);
	});
});
