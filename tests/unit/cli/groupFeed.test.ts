import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeReport, tidyRows, toCsv, type Report } from '../../../src/lib/core/metrics';
import { mulberry32 } from '../../../src/lib/core/random';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import type { Bundle } from '../../../src/lib/core/types';
import { createGroupFeed } from '../../../tools/cli/groupFeed';
import { run } from '../../../tools/cli/main';

const bytes = (r: Report) => JSON.stringify(r, null, 2) + toCsv(tidyRows(r));

function shuffled<T>(items: readonly T[], seed: number): T[] {
	const random = mulberry32(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

async function fed(bundle: Bundle, threads: number): Promise<Report> {
	// Small batches: workers compute groups while later samples are still coming.
	const feed = createGroupFeed(threads, 0, 2000);
	try {
		for (const s of bundle.samples) feed.add(s);
		return computeReport(bundle, { bootstrap: 200, precomputed: await feed.finish(bundle, { bootstrap: 200 }) });
	} finally {
		feed.close();
	}
}

describe('createGroupFeed(threads)', () => {
	// A greedy output per group, a replaced sample, a group with only a greedy output.
	const bundle = syntheticBundle({ models: 3, problems: 16, n: 6, words: 40, seed: 7 });
	const first = bundle.samples.find((s) => s.index === 2)!;
	bundle.samples.push({ ...first, text: `${first.text} again`, correct: !first.correct });
	bundle.samples = bundle.samples.filter((s) => !(s.model === 'M2' && s.problem === 'syn-3' && s.index >= 0));

	it('finish gives the statistics of computeReport byte for byte, in file order with 1 and 3 workers', async () => {
		const single = bytes(computeReport(bundle, { bootstrap: 200 }));
		for (const threads of [1, 3]) expect(bytes(await fed(bundle, threads))).toBe(single);
	}, 60_000);

	it('finish gives the same bytes when the stream comes back to groups and the largest index arrives last', async () => {
		// Shuffled: groups computed by a worker get more samples later (the main thread computes them
		// again); the largest sample index comes last, so the k values guessed meanwhile are wrong.
		const last = bundle.samples.filter((s) => s.index === 5);
		const rest = shuffled(
			bundle.samples.filter((s) => s.index !== 5),
			3
		);
		const odd = { ...bundle, samples: [...rest, ...last] };
		expect(bytes(await fed(odd, 2))).toBe(bytes(computeReport(odd, { bootstrap: 200 })));
	}, 60_000);

	it('finish gives the same bytes when a later model has more samples (more k values than the first groups were computed at)', async () => {
		const fewer = { ...bundle, samples: bundle.samples.filter((s) => !(s.model === 'M1' && s.index >= 4)) };
		expect(bytes(await fed(fewer, 2))).toBe(bytes(computeReport(fewer, { bootstrap: 200 })));
	}, 60_000);
});

describe('run(["report", samples.jsonl, "--threads", n])', () => {
	const golden = fileURLToPath(new URL('../../fixtures/golden/', import.meta.url));
	const dir = mkdtempSync(join(tmpdir(), 'rl-feed-'));

	async function csvJson(file: string, threads: number): Promise<string> {
		const csv = join(dir, `t${threads}.csv`);
		const json = join(dir, `t${threads}.json`);
		const code = await run(['report', file, '--csv', csv, '--json', json, '--quiet', '--threads', String(threads)], { out: () => {}, err: () => {} });
		expect(code).toBe(0);
		return readFileSync(csv, 'utf8') + readFileSync(json, 'utf8');
	}

	it('report with worker threads streamed the file gives the golden CSV and JSON', async () => {
		const want = readFileSync(join(golden, 'wide-samples.report.csv'), 'utf8') + readFileSync(join(golden, 'wide-samples.report.json'), 'utf8');
		expect(await csvJson(join(golden, 'wide-samples.jsonl'), 2)).toBe(want);
	}, 60_000);

	it('report of a shuffled file gives the same bytes with 1, 2 and 3 threads', async () => {
		// The tagged (greedy) lines first, as each problem's tags come with its first line; the rest shuffled.
		const lines = readFileSync(join(golden, 'wide-samples.jsonl'), 'utf8').split('\n').filter(Boolean);
		const tagged = lines.filter((l) => l.includes('"split"'));
		const file = join(dir, 'shuffled.jsonl');
		writeFileSync(file, [...tagged, ...shuffled(lines.filter((l) => !l.includes('"split"')), 11)].join('\n') + '\n');
		const one = await csvJson(file, 1);
		expect(await csvJson(file, 2)).toBe(one);
		expect(await csvJson(file, 3)).toBe(one);
	}, 60_000);
});
