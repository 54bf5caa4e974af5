import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeReport, tidyRows, toCsv } from '../../../src/lib/core/metrics';
import { readStudyText } from '../../../src/lib/core/study';
import { run } from '../../../tools/cli/main';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(root, 'tests/fixtures/samples/small.jsonl');
let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
});

describe('run(["report", file, ...])', () => {
	it('report writes the tidy CSV that computeReport gives for the same file and options', async () => {
		const csv = join(dir, 'out.csv');
		const json = join(dir, 'out.json');
		const r = await cli('report', fixture, '--csv', csv, '--json', json, '--bootstrap', '200');
		expect(r.code).toBe(0);
		const text = readFileSync(csv, 'utf8');
		expect(text.split('\r\n')[0]).toBe('model,metric,subset,k,value,ci_low,ci_high');
		const read = readStudyText(readFileSync(fixture, 'utf8'));
		if (!read.ok) throw new Error('fixture should read');
		const expected = computeReport(read.bundle, { bootstrap: 200 });
		expect(text).toBe(toCsv(tidyRows(expected)));
		expect(JSON.parse(readFileSync(json, 'utf8')).models).toHaveLength(2);
	});

	it('report CSV holds the rows of the measures beyond pass@k', async () => {
		const csv = join(dir, 'beyond.csv');
		expect((await cli('report', fixture, '--csv', csv, '--bootstrap', '0', '--quiet')).code).toBe(0);
		const rows = readFileSync(csv, 'utf8').trim().split('\r\n').map((l) => l.split(','));
		const of = (model: string, metric: string) => rows.filter((r) => r[0] === model && r[1] === metric).map((r) => r.slice(2, 5).join(','));
		// M1: 3, 1, 1, 3 correct of 4 on p1-p4; M2: 4, 3, 0, 4. pass^4 = mean of [c = 4]: M1 0, M2 2/4.
		expect(of('M1', 'pass^k')).toEqual(['all,1,0.5', 'all,2,0.25', 'all,4,0']);
		expect(of('M2', 'pass^k').at(-1)).toBe('all,4,0.5');
		// Both solve p1, p2, p4 at k = 4; only M1 solves p3; M2 leads at k = 1 (0.6875 vs 0.5) and M1 catches up at k = 2 (0.75 each).
		expect(of('M2', 'solvable_both')).toEqual(['all,4,3']);
		expect(of('M2', 'solvable_only_model')).toEqual(['all,4,0']);
		expect(of('M2', 'solvable_only_reference')).toEqual(['all,4,1']);
		expect(of('M2', 'crossover_k')).toEqual(['all,,2']);
		expect(of('M1', 'crossover_k')).toEqual([]);
	});

	it('report CSV holds the hand-computed values of the fixture', async () => {
		const csv = join(dir, 'values.csv');
		expect((await cli('report', fixture, '--csv', csv, '--bootstrap', '0', '--quiet')).code).toBe(0);
		const rows = readFileSync(csv, 'utf8').trim().split('\r\n').map((l) => l.split(','));
		const value = (model: string, metric: string, subset: string, k = '') =>
			Number(rows.find((r) => r[0] === model && r[1] === metric && r[2] === subset && r[3] === k)?.[4]);
		// M1 greedy right on p1, p4; M2 on p1, p2, p4.
		expect(value('M1', 'pass1_greedy', 'all')).toBe(0.5);
		expect(value('M2', 'pass1_greedy', 'all')).toBe(0.75);
		// M1 has a correct sample on every problem; M2 never solves p3.
		expect(value('M1', 'pass@k', 'all', '4')).toBe(1);
		expect(value('M2', 'pass@k', 'all', '4')).toBe(0.75);
		// Coverage = mean c/n: M1 (3+1+1+3)/16, M2 (4+3+0+4)/16.
		expect(value('M1', 'coverage', 'all')).toBe(0.5);
		expect(value('M2', 'coverage', 'all')).toBe(0.6875);
	});

	it('report prints the headline table and the verdicts', async () => {
		const r = await cli('report', fixture, '--bootstrap', '100');
		// The columns are the registry's headline columns (tests/unit/metrics/registry.test.ts checks them all).
		expect(r.out).toMatch(/model\s+pass@1 greedy\s+pass@1 sampled\s+pass@4\s+Distinct-n, all samples\s+OOD acc\s+GD\s+pass\^4\s+crossover k\s.*verdict/);
		expect(r.out).toMatch(/^M1 .*reference$/m);
		expect(r.out).toMatch(/Verdicts\n {2}M2 vs M1: /);
		expect(r.err).toMatch(/graded with the 'auto' extractor/);
	});

	it('report reads a gzipped bundle and honours --reference', async () => {
		const read = readStudyText(readFileSync(fixture, 'utf8'));
		if (!read.ok) throw new Error('fixture should read');
		const gz = join(dir, 'bundle.json.gz');
		writeFileSync(gz, gzipSync(strToU8(JSON.stringify(read.bundle))));
		const r = await cli('report', gz, '--reference', 'M2', '--bootstrap', '0');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^M2 .*reference$/m);
		expect(r.out).toContain('M1 vs M2');
	});

	it('report exits 1 with located errors for an invalid or truncated file', async () => {
		const bad = join(dir, 'bad.jsonl');
		writeFileSync(bad, '{"model":"M1","problem_id":"p1","sample_index":0,"text":"x","gold":"1"}\n{"model":"M1","problem_id":"p1","sample_index":-5,"text":"x"}\n');
		const r = await cli('report', bad);
		expect(r.code).toBe(1);
		expect(r.err).toContain('line 2: sample_index should be an integer >= -1 (got -5)');
		const truncated = join(dir, 'truncated.json');
		const read = readStudyText(readFileSync(fixture, 'utf8'));
		if (!read.ok) throw new Error('fixture should read');
		writeFileSync(truncated, JSON.stringify(read.bundle, null, 2).slice(0, 3000));
		const t = await cli('report', truncated);
		expect(t.code).toBe(1);
		expect(t.err).toMatch(/line \d+, column \d+: /);
		const binary = join(dir, 'binary.bin');
		writeFileSync(binary, new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x7b]));
		expect((await cli('report', binary)).err).toMatch(/not UTF-8 text/);
	});

	it('report exits 2 on usage errors and 3 on a missing file', async () => {
		expect((await cli('report')).code).toBe(2);
		expect((await cli('report', fixture, '--bootstrap', 'many')).err).toContain('--bootstrap should be an integer >= 0 (got "many")');
		expect((await cli('report', fixture, '--extractor', 'magic')).code).toBe(2);
		expect((await cli('report', fixture, '--reference', 'M9')).err).toContain("--reference: unknown model id 'M9'");
		expect((await cli('frobnicate')).code).toBe(2);
		const missing = await cli('report', join(dir, 'nope.json'));
		expect(missing.code).toBe(3);
		expect(missing.err).toContain('no such file');
	});

	it('report reads several lm-eval files as one model each, named by --models or by their folder', async () => {
		const a = join(root, 'tests/fixtures/samples/lm-eval-gsm8k.jsonl');
		const r = await cli('report', a, a, '--models', 'base,sft', '--bootstrap', '0', '--filter', 'flexible-extract');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^base .*reference$/m);
		expect(r.out).toContain('sft vs base');
		expect((await cli('report', a, a, '--models', 'only-one')).code).toBe(2);
		expect((await cli('report', a, fixture)).err).toContain('several files are read only as lm-evaluation-harness');
		const folder = join(dir, 'Qwen__Qwen2.5-0.5B');
		mkdirSync(folder);
		writeFileSync(join(folder, 'samples_gsm8k_2026-01-01.jsonl'), readFileSync(a));
		expect((await cli('report', join(folder, 'samples_gsm8k_2026-01-01.jsonl'), '--bootstrap', '0')).out).toMatch(/^Qwen__Qwen2\.5-0\.5B .*reference$/m);
	});

	it('report --extractor grades every sample again and says how many verdicts changed', async () => {
		const csv = join(dir, 'regraded.csv');
		// The fixture writes "#### <n>" only: the answer-is extractor finds nothing, so each of the 10 + 14 correct samples flips.
		const r = await cli('report', fixture, '--extractor', 'answer-is', '--bootstrap', '0', '--csv', csv);
		expect(r.code).toBe(0);
		expect(r.err).toMatch(/graded again with the 'answer-is' extractor: 24 of 40 verdicts changed/);
		const rows = readFileSync(csv, 'utf8').split('\r\n');
		expect(rows).toContain('M1,pass1_greedy,all,,0,,');
	});

	it('report --extractor gives the same report and count whether the file streams to the threads or is read whole (gzip)', async () => {
		const gz = join(dir, 'small.jsonl.gz');
		writeFileSync(gz, gzipSync(readFileSync(fixture)));
		const outputs = [];
		for (const [file, threads] of [[fixture, '2'], [fixture, '1'], [gz, '2']] as const) {
			const json = join(dir, `regraded-${threads}-${file === gz ? 'gz' : 'plain'}.json`);
			const r = await cli('report', file, '--extractor', 'answer-is', '--bootstrap', '100', '--threads', threads, '--json', json);
			expect(r.code).toBe(0);
			expect(r.err).toMatch(/graded again with the 'answer-is' extractor: 24 of 40 verdicts changed/);
			outputs.push(readFileSync(json, 'utf8'));
		}
		expect(outputs[1]).toBe(outputs[0]);
		expect(outputs[2]).toBe(outputs[0]);
		expect(JSON.parse(outputs[0]!).models.find((m: { model: string }) => m.model === 'M1').accuracy.pass1Greedy.value).toBe(0);
	}, 60_000);

	it('report --min-effect sets the verdict minimum effects; a bad one is a usage error naming the part', async () => {
		const json = (name: string) => join(dir, name);
		expect((await cli('report', fixture, '--bootstrap', '200', '--json', json('me-default.json'), '--quiet')).code).toBe(0);
		expect((await cli('report', fixture, '--bootstrap', '200', '--min-effect', 'accuracy=1,diversity=1, problems=100', '--json', json('me-strict.json'), '--quiet')).code).toBe(0);
		const verdicts = (name: string) => JSON.parse(readFileSync(json(name), 'utf8')).models.flatMap((m: { verdict?: { kind: string; signals: { fired: boolean }[] } }) => (m.verdict ? [m.verdict] : []));
		const strict = JSON.parse(readFileSync(json('me-strict.json'), 'utf8'));
		expect(strict.options.minEffect).toEqual({ accuracy: 1, diversity: 1, problems: 100 });
		expect(verdicts('me-default.json').map((v: { kind: string }) => v.kind)).toEqual(['regression']);
		// Nothing can change by 100 points or 100 problems here: no signal fires.
		expect(verdicts('me-strict.json').flatMap((v: { signals: { fired: boolean }[] }) => v.signals.filter((s) => s.fired))).toEqual([]);
		expect(verdicts('me-strict.json').map((v: { kind: string }) => v.kind)).toEqual(['inconclusive']);
		const bad = await cli('report', fixture, '--min-effect', 'accuracy=0.02,speed=3');
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('--min-effect: "speed=3" should be accuracy=<number >= 0>, diversity=<number >= 0>, problems=<number >= 0>');
		expect((await cli('report', fixture, '--min-effect', 'accuracy=-1')).code).toBe(2);
	}, 60_000);

	it('schema prints the bundle JSON Schema', async () => {
		const r = await cli('schema');
		expect(JSON.parse(r.out).title).toBe('Reversal Lab study bundle');
	});
});

describe('bin/reversal-lab.js', () => {
	it('npx reversal-lab report <file> runs the TypeScript CLI from the repo', () => {
		const out = execFileSync('npx', ['--no-install', 'reversal-lab', 'report', fixture, '--bootstrap', '0'], { cwd: root, encoding: 'utf8' });
		expect(out).toMatch(/pass@1 greedy/);
		const piped = spawnSync('node', [join(root, 'bin/reversal-lab.js'), 'report', '-', '--bootstrap', '0'], { input: readFileSync(fixture), encoding: 'utf8' });
		expect(piped.status).toBe(0);
		expect(piped.stdout).toMatch(/^stdin: 2 models, 4 problems, 40 samples/);
		const failed = spawnSync('node', [join(root, 'bin/reversal-lab.js'), 'report', join(dir, 'nope.json')], { cwd: tmpdir(), encoding: 'utf8' });
		expect(failed.status).toBe(3);
		expect(failed.stderr).toContain('no such file');
	});
});

describe('run(["report", file]) at the trust boundary', () => {
	const lines = (label: string) =>
		readFileSync(fixture, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.stringify({ ...JSON.parse(l), model: JSON.parse(l).model === 'M1' ? label : 'M2' }))
			.join('\n') + '\n';

	it('report exits 1 on a gzip whose length trailer is wrong, naming the file and the damage', async () => {
		const gz = Buffer.from(gzipSync(strToU8(readFileSync(fixture, 'utf8'))));
		// The trailer of a file with one model's samples fewer: fflate once read 1 model, exit 0.
		gz.writeUInt32LE(gz.readUInt32LE(gz.length - 4) >>> 1, gz.length - 4);
		const path = join(dir, 'damaged.jsonl.gz');
		writeFileSync(path, gz);
		const r = await cli('report', path);
		expect(r.code).toBe(1);
		expect(r.out).toBe('');
		expect(r.err).toMatch(/damaged\.jsonl\.gz: damaged gzip after \d+ bytes of output \(incorrect length check\)/);
	});

	it('report prints no terminal escape from a model label, on stdout or in an error', async () => {
		const label = 'M1\x1b]0;title\x07\x1b[2J\x1b[1A\r\u202E';
		const path = join(dir, 'escapes.jsonl');
		writeFileSync(path, lines(label));
		const r = await cli('report', path, '--bootstrap', '0');
		expect(r.code).toBe(0);
		expect(r.out).toContain('M1\\x1B]0;title\\x07\\x1B[2J\\x1B[1A\\x0D<U+202E>');
		const bad = await cli('report', path, '--reference', 'M9');
		expect(bad.err).toContain("models: M1\\x1B]0;title\\x07\\x1B[2J\\x1B[1A\\x0D<U+202E>, M2");
		// eslint-disable-next-line no-control-regex -- no control character may remain
		for (const text of [r.out, r.err, bad.err]) expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
	});

	it('report locates a bare NaN in a bundle by line and column', async () => {
		const read = readStudyText(readFileSync(fixture, 'utf8'));
		if (!read.ok) throw new Error('fixture should read');
		const text = JSON.stringify(read.bundle, null, 2).replace('"topP": 1', '"topP": NaN');
		expect(text).toContain('NaN');
		const path = join(dir, 'nan.json');
		writeFileSync(path, text);
		const r = await cli('report', path);
		expect(r.code).toBe(1);
		const line = text.split('\n').findIndex((l) => l.includes('NaN')) + 1;
		const column = text.split('\n')[line - 1]!.indexOf('NaN') + 1;
		expect(r.err).toContain(`line ${line}, column ${column}: invalid JSON (NaN is not a JSON value: write null, or a number)`);
	});
});
