// `reversal-lab sample` against real llama.cpp (node-llama-cpp's prebuilt binaries) behind the
// project's small OpenAI-compatible server, started and stopped here on a free port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProblems, problemsToJsonl } from '../../../src/lib/core/problems';
import { run } from '../../../tools/cli/main';
import { startOpenAiServer, type RunningServer } from '../../../tools/openaiServer/server';

/** A port nothing listens on: a free one, closed again. */
function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as AddressInfo;
			s.close(() => resolve(port));
		});
	});
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const KEY = 'sk-reversal-lab-test-7f3a9c';
let dir: string;
let problems: string;
let open: RunningServer;
let locked: RunningServer;

async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
	return { code, out, err };
}

const lines = (path: string) =>
	readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as { problem_id: string; sample_index: number; text: string; seed: number; correct: boolean; finish: string });
const byKey = (path: string) => new Map(lines(path).map((l) => [`${l.problem_id}#${l.sample_index}`, { text: l.text, seed: l.seed, correct: l.correct, finish: l.finish }]));

const args = (server: string, out: string, extra: string[] = []) => [
	'sample', '--server', server, '--model', 'tiny-m1', '--label', 'M1', '--problems', problems,
	'--n', '2', '--greedy', '--temperature', '0.8', '--top-p', '0.95', '--max-tokens', '40', '--seed', '11',
	'--template', 'builtin', '--concurrency', '3', '--out', out, ...extra
];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rl-sample-'));
	problems = join(dir, 'problems.jsonl');
	writeFileSync(problems, problemsToJsonl(generateProblems({ family: 'word', seed: 3, count: 3, split: 'in-domain', levels: [1] })));
	const models = { 'tiny-m1': join(root, 'static/models/tiny-m1.gguf') };
	open = await startOpenAiServer({ models });
	locked = await startOpenAiServer({ models, apiKey: KEY });
}, 120_000);

afterAll(async () => {
	await open?.close();
	await locked?.close();
});

describe('run(["sample", ...]) against llama.cpp behind an OpenAI-compatible server', () => {
	it('sample writes one line per sample with its seed; a run killed mid-way and rerun ends with the same samples, none twice', async () => {
		const whole = join(dir, 'whole.jsonl');
		const a = await cli(args(open.url, whole));
		expect(a.err).toBe('');
		expect(a.code).toBe(0);
		expect(a.out).toMatch(/wrote .*whole\.jsonl: 9 samples \(9 new\) of M1/);
		expect(a.out).toMatch(/server: llama\.cpp, model tiny-m1, fingerprint llama\.cpp-/);
		const expected = byKey(whole);
		expect(expected.size).toBe(9);
		expect([...expected.keys()].filter((k) => k.endsWith('#-1'))).toHaveLength(3);
		expect(new Set([...expected.values()].map((s) => s.seed)).size).toBe(9);

		// The real command in its own process, killed (SIGKILL: no goodbye) after a few samples.
		const killed = join(dir, 'killed.jsonl');
		const child = spawn(process.execPath, [join(root, 'bin/reversal-lab.js'), ...args(open.url, killed)], { cwd: root, stdio: 'ignore' });
		const deadline = Date.now() + 180_000;
		let atKill = 0;
		while (Date.now() < deadline) {
			atKill = existsSync(killed) ? lines(killed).length : 0;
			if (atKill >= 3) break;
			await new Promise((r) => setTimeout(r, 20));
		}
		child.kill('SIGKILL');
		await new Promise((r) => child.once('exit', r));
		atKill = lines(killed).length;
		expect(atKill).toBeGreaterThanOrEqual(3);
		expect(atKill).toBeLessThan(9);
		// As if the kill had cut a line in half.
		appendFileSync(killed, '{"model":"M1","problem_id":"word-id');
		const b = await cli(args(open.url, killed));
		expect(b.code).toBe(0);
		expect(b.err).toContain('dropped a last line cut short');
		expect(b.err).toContain(`${atKill} of 9 samples already there; taking the other ${9 - atKill}`);
		const resumed = lines(killed);
		expect(resumed).toHaveLength(9);
		expect(byKey(killed)).toEqual(expected);

		// Done: a third run takes nothing; the report reads the file as any other.
		const c = await cli(args(open.url, killed));
		expect(c.out).toContain('9 samples (0 new)');
		expect(lines(killed)).toHaveLength(9);
		const report = await cli(['report', killed, '--bootstrap', '0']);
		expect(report.code).toBe(0);
		expect(report.out).toContain('1 models, 3 problems, 9 samples');
	}, 300_000);

	it('sample with other settings for the same --out refuses, naming the option', async () => {
		const out = join(dir, 'whole.jsonl');
		const r = await cli(args(open.url, out).map((x) => (x === '0.8' ? '0.7' : x)));
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/written with other settings \(--temperature was 0\.8, now 0\.7\)/);
	});

	it('sample reads the key only from --api-key-env; it never reaches the output, the files or the messages', async () => {
		const out = join(dir, 'keyed.jsonl');
		const ok = await cli(args(locked.url, out, ['--api-key-env', 'RL_KEY']), { RL_KEY: KEY });
		expect(ok.code).toBe(0);
		for (const text of [ok.out, ok.err, readFileSync(out, 'utf8'), readFileSync(`${out}.study.json`, 'utf8')]) expect(text).not.toContain(KEY);
		expect(JSON.parse(readFileSync(`${out}.study.json`, 'utf8')).environment.servers[0]).toMatchObject({ baseUrl: locked.url, served: 'tiny-m1', kind: 'llama.cpp' });

		const wrong = await cli(args(locked.url, join(dir, 'wrong.jsonl'), ['--api-key-env', 'RL_KEY']), { RL_KEY: 'sk-wrong-one' });
		expect(wrong.code).toBe(4);
		expect(wrong.err).toMatch(/wrong or missing API key \(401/);
		expect(wrong.err).not.toContain('sk-wrong-one');

		const unset = await cli(args(locked.url, join(dir, 'unset.jsonl'), ['--api-key-env', 'RL_NOT_SET']));
		expect(unset.code).toBe(2);
		expect(unset.err).toMatch(/RL_NOT_SET: that environment variable is not set/);
		const inline = await cli([...args(locked.url, join(dir, 'inline.jsonl')), '--api-key', KEY]);
		expect(inline.code).toBe(2);
		expect(inline.err).toMatch(/--api-key is not taken/);
		expect(inline.err).not.toContain(KEY);
	}, 300_000);

	it('sample of a model the server does not serve stops with its list; an unreachable server says so', async () => {
		const missing = await cli(args(open.url, join(dir, 'missing.jsonl')).map((x) => (x === 'tiny-m1' ? 'tiny-m9' : x)));
		expect(missing.code).toBe(4);
		expect(missing.err).toContain('does not serve the model "tiny-m9"; it serves "tiny-m1"');
		const port = await closedPort();
		const down = await cli(args(`http://127.0.0.1:${port}/v1`, join(dir, 'down.jsonl')));
		expect(down.code).toBe(4);
		expect(down.err).toContain(`Cannot reach the server at http://127.0.0.1:${port}/v1 (ECONNREFUSED)`);
		expect(down.err).toContain('0 of 9 samples are in');
	}, 120_000);
});
