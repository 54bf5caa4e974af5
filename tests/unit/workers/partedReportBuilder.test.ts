import { describe, expect, it } from 'vitest';
import { computeReport, createReportBuilder } from '../../../src/lib/core/metrics';
import { mulberry32 } from '../../../src/lib/core/random';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import type { Sample } from '../../../src/lib/core/types';
import { createModelPartHost, type PartReply, type PartRequest } from '../../../src/lib/workers/modelPartProtocol';
import { createPartedReportBuilder, type PartEndpoint } from '../../../src/lib/workers/partedReportBuilder';
import { spawnModelParts } from '../../../tools/report/modelPartThreads';

/**
 * A model part's thread in this one: the thread's own host, messages structured-cloned both ways,
 * each answer a macrotask later (`delay` ms), in order; `reply` replaces the host's answer.
 */
function inThreadPart({ delay = 0, reply }: { delay?: number; reply?: (r: PartRequest, host: (r: PartRequest) => PartReply) => PartReply | 'crash' } = {}): PartEndpoint {
	const host = createModelPartHost();
	const target = new EventTarget();
	return {
		postMessage(message) {
			const request = structuredClone(message);
			const answer = reply ? reply(request, host) : host(request);
			setTimeout(() => target.dispatchEvent(answer === 'crash' ? new Event('error') : new MessageEvent('message', { data: structuredClone(answer) })), delay);
		},
		addEventListener: target.addEventListener.bind(target),
		removeEventListener: target.removeEventListener.bind(target)
	};
}

// Five models (the reference's part and others), replaced samples and groups with only a greedy
// output: what a split of the models between threads could get wrong.
const study = syntheticBundle({ models: 5, problems: 30, n: 8, words: 40, seed: 11 });
const replaced: Sample[] = study.samples.filter((s) => s.index === 3 && s.problem.endsWith('7')).map((s) => ({ ...s, text: `${s.text} once more`, correct: !s.correct }));
const options = { bootstrap: 300 };

function batches(seed: number): Sample[][] {
	const random = mulberry32(seed);
	const shuffled = [...study.samples].sort(() => random() - 0.5);
	const out: Sample[][] = [];
	for (let i = 0; i < shuffled.length; i += 131) out.push(shuffled.slice(i, i + 131));
	out.splice(4, 0, replaced);
	return out;
}

describe('createPartedReportBuilder', () => {
	it('createPartedReportBuilder(study, endpoints).report() equals createReportBuilder(study).report() after every batch, byte for byte, for 1-3 other threads', async () => {
		for (const threads of [1, 2, 3]) {
			const endpoints = Array.from({ length: threads }, (_, k) => inThreadPart({ delay: k }));
			const parted = createPartedReportBuilder({ ...study, samples: [] }, endpoints, options);
			const single = createReportBuilder({ ...study, samples: [] }, options);
			for (const batch of batches(threads)) {
				parted.add(batch);
				single.add(batch);
				expect(JSON.stringify(await parted.report())).toBe(JSON.stringify(single.report()));
			}
			expect(parted.sampleCount).toBe(single.sampleCount);
			parted.close();
		}
		// And the samples replaced last give the full report of the final samples.
		const finals = new Map(study.samples.map((s) => [`${s.model}|${s.problem}|${s.index}`, s]));
		for (const s of replaced) finals.set(`${s.model}|${s.problem}|${s.index}`, s);
		const parted = createPartedReportBuilder({ ...study, samples: [] }, [inThreadPart()], options);
		for (const batch of batches(9)) parted.add(batch);
		parted.add(replaced);
		expect(JSON.stringify(await parted.report())).toBe(JSON.stringify(computeReport({ ...study, samples: [...finals.values()] }, options)));
	});
	it('createPartedReportBuilder(...) with its parts on Node worker threads gives the same report as one thread', async () => {
		const threads = spawnModelParts(1);
		try {
			const parted = createPartedReportBuilder({ ...study, samples: study.samples.slice(0, 900) }, threads.endpoints, options);
			const single = createReportBuilder({ ...study, samples: study.samples.slice(0, 900) }, options);
			expect(JSON.stringify(await parted.report())).toBe(JSON.stringify(single.report()));
			parted.add(study.samples.slice(900));
			single.add(study.samples.slice(900));
			expect(JSON.stringify(await parted.report())).toBe(JSON.stringify(single.report()));
		} finally {
			await threads.close();
		}
	});
	it('add(samples) names a bad sample and takes none of its batch', async () => {
		const parted = createPartedReportBuilder({ ...study, samples: study.samples.slice(0, 200) }, [inThreadPart()], options);
		const bad = [study.samples[300]!, { ...study.samples[301]!, problem: 'nope' }];
		expect(() => parted.add(bad)).toThrow(/samples\[1\] .*unknown problem/);
		expect(JSON.stringify(await parted.report())).toBe(JSON.stringify(computeReport({ ...study, samples: study.samples.slice(0, 200) }, options)));
	});
	it("report() rejects with a part's error (its class kept), or names the thread that stopped; the builder then refuses further work", async () => {
		const failing = createPartedReportBuilder({ ...study, samples: study.samples.slice(0, 100) }, [
			inThreadPart({ reply: (r, host) => (r.kind === 'report' ? { kind: 'error', id: r.id, error: { name: 'RangeError', message: 'no room' } } : host(r)) })
		]);
		await expect(failing.report()).rejects.toThrow(/no room/);
		expect(() => failing.add(study.samples.slice(100, 110))).toThrow(/no room/);
		const crashed = createPartedReportBuilder({ ...study, samples: study.samples.slice(0, 100) }, [inThreadPart({ reply: (r, host) => (r.kind === 'report' ? 'crash' : host(r)) })]);
		await expect(crashed.report()).rejects.toThrow(/Thread 1 of the live report stopped/);
		await expect(crashed.report()).rejects.toThrow(/Thread 1 of the live report stopped/);
	});
});
