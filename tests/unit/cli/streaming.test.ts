import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { run } from '../../../tools/cli/main';

const golden = fileURLToPath(new URL('../../fixtures/golden/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rl-stream-'));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

// A plain samples JSONL is read line by line (tools/cli/fileChunks.ts); the same bytes gzipped go
// through the whole-text path. Both must give the same report and the same located errors.
describe('run(["report", samples.jsonl]) streamed against the whole-text path', () => {
	it('report gives the golden CSV whether the file is streamed or gzipped', async () => {
		const plain = join(golden, 'wide-samples.jsonl');
		const gz = join(dir, 'wide-samples.jsonl.gz');
		writeFileSync(gz, gzipSync(readFileSync(plain)));
		for (const file of [plain, gz]) {
			const csv = join(dir, 'out.csv');
			expect((await cli('report', file, '--csv', csv, '--quiet')).code).toBe(0);
			expect(readFileSync(csv, 'utf8')).toBe(readFileSync(join(golden, 'wide-samples.report.csv'), 'utf8'));
		}
	});

	it('report names the same lines and problems for a bad file streamed or gzipped', async () => {
		const lines = readFileSync(join(golden, 'wide-samples.jsonl'), 'utf8').split('\n').slice(0, 40);
		lines[3] = lines[3]!.slice(0, 30); // cut JSON
		lines[7] = lines[7]!.replace('"sample_index":', '"sample_index":"x","was":'); // wrong type
		lines[12] = lines[5]!; // duplicate
		lines[20] = lines[20]!.replace(/"gold":"\d+"/, '"gold":"-1"'); // a gold that differs
		const text = `\ufeff${lines.join('\r\n')}\r\n`;
		const plain = join(dir, 'bad.jsonl');
		const gz = join(dir, 'bad.jsonl.gz');
		writeFileSync(plain, text);
		writeFileSync(gz, gzipSync(new TextEncoder().encode(text)));
		const a = await cli('report', plain);
		const b = await cli('report', gz);
		expect(a.code).toBe(1);
		expect(b.code).toBe(1);
		expect(a.err).toMatch(/line 4: invalid JSON/);
		expect(a.err).toMatch(/line 8: sample_index /);
		expect(a.err).toMatch(/line 13: duplicate sample/);
		expect(a.err.replaceAll(plain, 'FILE')).toBe(b.err.replaceAll(gz, 'FILE'));
	});

	it('report refuses a file that is not UTF-8 in the middle, as the whole-text path does', async () => {
		const bytes = readFileSync(join(golden, 'wide-samples.jsonl'));
		const bad = Buffer.concat([bytes.subarray(0, 5000), Buffer.from([0xff, 0xfe]), bytes.subarray(5000)]);
		const plain = join(dir, 'binary.jsonl');
		writeFileSync(plain, bad);
		const r = await cli('report', plain);
		expect(r.code).toBe(1);
		expect(r.err).toContain('not UTF-8 text');
	});
});
