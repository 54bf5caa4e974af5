import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProblems, parseCsv, problemsToJsonl } from '../../../src/lib/core/problems';

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

	it('a bad option is refused with its name and exit code 2', () => {
		const r = spawnSync(tsx, ['tools/problems.ts', '--count', 'many'], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/--count should be an integer; got "many"/);
	});
});
