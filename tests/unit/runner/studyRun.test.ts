import { describe, expect, it } from 'vitest';
import { StudyRun, type RunDeps } from '../../../src/lib/runner/studyRun';
import { planTasks } from '../../../src/lib/runner/plan';
import { buildBundle } from '../../../src/lib/runner/buildBundle';
import type { RunStore } from '../../../src/lib/runner/storage';
import type { RunEvent, StoredStudy, StudySummary } from '../../../src/lib/runner/types';
import { sampleKey, type ModelRef, type Problem, type Sample } from '../../../src/lib/core/types';
import { sampleSeed } from '../../../src/lib/core/random';
import { AbortedError, DeviceLostError, QuotaError } from '../../../src/lib/engines/errors';
import type { Completion, CompletionRequest, Engine } from '../../../src/lib/engines/types';
import type { Lease, LeaseFor } from '../../../src/lib/runner/studyLease';

/** Storage in memory, with a switch that makes the next writes fail as a full disk does. */
class MemoryStore implements RunStore {
	studies = new Map<string, StoredStudy>();
	samples = new Map<string, Sample>();
	failWrites = 0;
	/** While true, every write fails as on a full disk (the study's status record too). */
	full = false;
	writes = 0;
	async putStudy(s: StoredStudy) {
		if (this.full) throw new QuotaError();
		this.studies.set(s.id, structuredClone(s));
	}
	async getStudy(id: string) {
		return structuredClone(this.studies.get(id));
	}
	async listStudies(): Promise<StudySummary[]> {
		return [];
	}
	async deleteStudy(id: string) {
		this.studies.delete(id);
	}
	async putSample(_study: string, s: Sample) {
		await new Promise((r) => setTimeout(r, 0));
		if (this.full) throw new QuotaError();
		if (this.failWrites > 0) {
			this.failWrites--;
			throw new QuotaError();
		}
		this.writes++;
		this.samples.set(sampleKey(s), structuredClone(s));
	}
	async getSamples() {
		return [...this.samples.values()];
	}
	async doneKeys() {
		return new Set(this.samples.keys());
	}
	async putFile() {}
	async getFile() {
		return undefined;
	}
}

/** A deterministic engine: its text is a function of the seed and prompt, like a seeded sampler. */
class SeededEngine implements Engine {
	calls: CompletionRequest[] = [];
	loseDeviceAt = -1;
	delayMs = 1;
	async load() {}
	complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		this.calls.push(req);
		if (this.calls.length === this.loseDeviceAt) return Promise.reject(new DeviceLostError());
		return new Promise((resolve, reject) => {
			const t = setTimeout(() => resolve({ text: `#### ${req.seed % 7}`, tokens: 4, ms: 1, finish: req.maxTokens <= 4 ? 'length' : 'stop' }), this.delayMs);
			signal.addEventListener('abort', () => (clearTimeout(t), reject(new AbortedError())));
		});
	}
	async unload() {}
	async info() {
		return { name: 'seeded', backend: 'wasm' as const };
	}
}

const models: ModelRef[] = [
	{ id: 'M2', label: 'M2', engine: 'builtin', source: 'm2.gguf', order: 1 },
	{ id: 'M1', label: 'M1', engine: 'builtin', source: 'm1.gguf', order: 0 }
];
const problems: Problem[] = Array.from({ length: 5 }, (_, i) => ({
	id: `p${i}`,
	question: `${i} + 1?`,
	answer: String(i % 7),
	answerType: 'number',
	split: 'in-domain'
}));

function study(id = 's1'): StoredStudy {
	return {
		id,
		study: {
			id,
			name: 'test',
			seed: 123,
			sampling: { n: 4, greedy: true, temperature: 0.8, topP: 0.95, maxTokens: 32 },
			prompt: { style: 'raw', form: 'completion', text: 'Question: {question}\nAnswer:' },
			extractor: 'gsm8k-strict',
			problemSet: { source: 'builtin', id: 'offline' }
		},
		problems,
		models,
		exemplars: [],
		status: 'new',
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z'
	};
}

function deps(store: RunStore, engine: Engine): RunDeps {
	return {
		store,
		engineFor: () => engine,
		grade: (text, p) => {
			const answer = /#### (\d+)/.exec(text)?.[1] ?? null;
			return { answer, correct: answer === p.answer };
		},
		render: (_s, p) => `Question: ${p.question}\nAnswer:`,
		baseUrl: 'http://localhost/models/',
		app: 'test',
		browser: 'node',
		throttleMs: 0
	};
}

const strip = (samples: Sample[]) => samples.map(({ ms: _ms, ...s }) => s);

describe('planTasks', () => {
	it('planTasks(seed, models, problems, sampling) orders by model order, then problem, greedy first', () => {
		const tasks = planTasks(5, models, problems, study().study.sampling);
		expect(tasks).toHaveLength(2 * 5 * 5);
		expect(tasks.slice(0, 6).map((t) => `${t.model}/${t.problem}/${t.index}`)).toEqual([
			'M1/p0/-1', 'M1/p0/0', 'M1/p0/1', 'M1/p0/2', 'M1/p0/3', 'M1/p1/-1'
		]);
		expect(tasks[0]?.seed).toBe(sampleSeed(5, 'M1', 'p0', -1));
		expect(new Set(tasks.map((t) => t.seed)).size).toBe(tasks.length);
	});
});

describe('StudyRun', () => {
	it('run() takes every sample once, greedy at temperature 0, with its derived seed', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const engine = new SeededEngine();
		const events: RunEvent[] = [];
		const status = await new StudyRun(deps(store, engine), 's1', (e) => events.push(e)).run();
		expect(status).toBe('done');
		expect(store.samples.size).toBe(50);
		expect(engine.calls).toHaveLength(50);
		expect(engine.calls[0]).toMatchObject({ temperature: 0, topP: 1, seed: sampleSeed(123, 'M1', 'p0', -1) });
		expect(engine.calls[1]).toMatchObject({ temperature: 0.8, topP: 0.95, seed: sampleSeed(123, 'M1', 'p0', 0) });
		const streamed = events.flatMap((e) => (e.type === 'samples' ? e.samples : []));
		expect(streamed).toHaveLength(50);
		// Why each output ended is kept with the sample (the engine says 'stop' at 32 max tokens).
		expect(streamed.every((s) => s.finish === 'stop')).toBe(true);
		const last = events.filter((e) => e.type === 'progress').at(-1);
		expect(last?.type === 'progress' && last.progress).toMatchObject({ status: 'done', overall: { done: 50, total: 50 } });
		expect((await store.getStudy('s1'))?.environment?.engine).toBe('seeded');
	});

	it('a run cancelled midway and resumed by a new StudyRun gives the same bundle, with no request repeated twice', async () => {
		const full = new MemoryStore();
		await full.putStudy(study());
		await new StudyRun(deps(full, new SeededEngine()), 's1', () => {}).run();

		const store = new MemoryStore();
		await store.putStudy(study());
		const engine = new SeededEngine();
		const first = new StudyRun(deps(store, engine), 's1', (e) => {
			if (e.type === 'samples' && store.samples.size >= 17) first.cancel();
		});
		expect(await first.run()).toBe('cancelled');
		const kept = store.samples.size;
		expect(kept).toBeGreaterThan(0);
		expect(kept).toBeLessThan(50);
		expect(await new StudyRun(deps(store, engine), 's1', () => {}).run()).toBe('done');
		const seeds = engine.calls.filter((c) => c.maxTokens > 1).map((c) => c.seed);
		// Only the request in flight at cancel time may be taken twice.
		expect(seeds.length - new Set(seeds).size).toBeLessThanOrEqual(1);
		const a = buildBundle((await full.getStudy('s1'))!, await full.getSamples(), 'x');
		const b = buildBundle((await store.getStudy('s1'))!, await store.getSamples(), 'x');
		expect(strip(b.samples)).toEqual(strip(a.samples));
		expect(b.samples).toHaveLength(50);
	});

	it('pause() stops new requests until resume(); the run then completes', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const engine = new SeededEngine();
		const run = new StudyRun(deps(store, engine), 's1', () => {});
		const finished = run.run();
		while (store.samples.size < 5) await new Promise((r) => setTimeout(r, 1));
		run.pause();
		expect(run.status).toBe('paused');
		await new Promise((r) => setTimeout(r, 30));
		// Stored as paused, so a reload lists it so.
		expect((await store.getStudy('s1'))?.status).toBe('paused');
		const whilePaused = store.samples.size;
		await new Promise((r) => setTimeout(r, 30));
		expect(store.samples.size).toBe(whilePaused);
		run.resume();
		expect(await finished).toBe('done');
		expect(store.samples.size).toBe(50);
	});

	it('a full disk pauses the run with a quota error; on resume the unsaved sample is written, nothing is lost', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const events: RunEvent[] = [];
		const run = new StudyRun(deps(store, new SeededEngine()), 's1', (e) => events.push(e));
		store.failWrites = 1;
		const finished = run.run();
		while (run.status !== 'paused') await new Promise((r) => setTimeout(r, 1));
		const paused = events.filter((e) => e.type === 'progress').at(-1);
		expect(paused?.type === 'progress' && paused.progress.error?.code).toBe('quota-exceeded');
		run.resume();
		expect(await finished).toBe('done');
		expect(store.samples.size).toBe(50);
	});

	it('a full disk that refuses the status too: no error escapes, statusStored is false, the counter shows what is stored', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const events: RunEvent[] = [];
		const run = new StudyRun(deps(store, new SeededEngine()), 's1', (e) => events.push(e));
		const finished = run.run();
		while (store.samples.size < 9) await new Promise((r) => setTimeout(r, 1));
		store.full = true;
		while (run.status !== 'paused') await new Promise((r) => setTimeout(r, 1));
		await new Promise((r) => setTimeout(r, 20));
		const last = events.filter((e) => e.type === 'progress').at(-1);
		const progress = last?.type === 'progress' ? last.progress : undefined;
		expect(progress).toMatchObject({ status: 'paused', statusStored: false, error: { code: 'quota-exceeded' } });
		expect(progress?.overall.done).toBe(store.samples.size);
		const perModel = Object.values(progress?.perModel ?? {}).reduce((a, c) => a + c.done, 0);
		expect(perModel).toBe(store.samples.size);
		expect((await store.getStudy('s1'))?.status).toBe('running');
		store.full = false;
		run.resume();
		expect(await finished).toBe('done');
		expect(store.samples.size).toBe(50);
		expect((await store.getStudy('s1'))?.status).toBe('done');
		const end = events.filter((e) => e.type === 'progress').at(-1);
		expect(end?.type === 'progress' && end.progress.statusStored).toBeUndefined();
	});

	it('a lost device pauses the run; resume reloads the model and takes the same sample again', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const engine = new SeededEngine();
		engine.loseDeviceAt = 8;
		let fresh = 0;
		const d = deps(store, engine);
		const run = new StudyRun({ ...d, engineFor: (_m, f) => ((fresh += f ? 1 : 0), engine) }, 's1', () => {});
		const finished = run.run();
		while (run.status !== 'paused') await new Promise((r) => setTimeout(r, 1));
		await new Promise((r) => setTimeout(r, 10)); // the write of sample 7 overlaps request 8
		expect(store.samples.size).toBe(7);
		run.resume();
		expect(await finished).toBe('done');
		expect(fresh).toBe(1);
		expect(store.samples.size).toBe(50);
		expect(engine.calls[7]?.seed).toBe(engine.calls[8]?.seed);
	});
});

describe('StudyRun prefix cache', () => {
	it('first samples of a problem never reuse the cache; a resume mid-problem warms the prompt up first', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const engine = new SeededEngine();
		const first = new StudyRun(deps(store, engine), 's1', (e) => {
			if (e.type === 'samples' && store.samples.size >= 7) first.cancel();
		});
		await first.run();
		const calls = engine.calls.length;
		const resumed = new StudyRun(deps(store, engine), 's1', () => {});
		expect(await resumed.run()).toBe('done');
		const greedyCalls = engine.calls.filter((c) => c.temperature === 0 && c.maxTokens > 1);
		expect(greedyCalls.every((c) => c.cachePrompt === false)).toBe(true);
		expect(engine.calls.filter((c) => c.temperature > 0).every((c) => c.cachePrompt === true)).toBe(true);
		// The resumed run starts inside a problem: its first request is a one-token warm-up without the cache.
		expect(engine.calls[calls]).toMatchObject({ maxTokens: 1, cachePrompt: false, temperature: 0 });
		expect(engine.calls.slice(calls + 1).filter((c) => c.maxTokens === 1)).toHaveLength(0);
	});
});

/** Web Locks in miniature: one holder per name; steal takes it and tells the old holder. */
class Locks {
	held = new Map<string, () => void>();
	for(name: string): LeaseFor {
		return async (takeOver) => {
			if (this.held.has(name) && !takeOver) return undefined;
			this.held.get(name)?.();
			let lose = () => {};
			const lost = new Promise<void>((r) => (lose = r));
			this.held.set(name, lose);
			const lease: Lease = { release: () => void (this.held.get(name) === lose && this.held.delete(name)), lost };
			return lease;
		};
	}
}

describe('StudyRun lease', () => {
	it('run() refuses a study another tab holds, with a StudyLeaseError that says what to do', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const locks = new Locks();
		const engine = new SeededEngine();
		const first = new StudyRun({ ...deps(store, engine), lease: locks.for('s1') }, 's1', () => {});
		const finished = first.run();
		while (store.samples.size < 3) await new Promise((r) => setTimeout(r, 1));
		const second = new StudyRun({ ...deps(store, engine), lease: locks.for('s1') }, 's1', () => {});
		const refused = await second.run().catch((e: unknown) => e);
		expect(refused).toMatchObject({ name: 'StudyLeaseError', code: 'in-another-tab' });
		expect((refused as Error).message).toMatch(/running in another tab.*take it over here/);
		expect(await finished).toBe('done');
		expect(locks.held.size).toBe(0);
	});

	it('taken over: the first run pauses without writing its status; resume stays paused while held; takeOver() takes it back', async () => {
		const store = new MemoryStore();
		await store.putStudy(study());
		const locks = new Locks();
		const events: RunEvent[] = [];
		const a = new StudyRun({ ...deps(store, new SeededEngine()), lease: locks.for('s1') }, 's1', (e) => events.push(e));
		const aDone = a.run();
		while (store.samples.size < 5) await new Promise((r) => setTimeout(r, 1));
		const b = new StudyRun({ ...deps(store, new SeededEngine()), lease: locks.for('s1') }, 's1', () => {});
		b.pause(); // b starts paused: a's reaction is what is checked
		const bDone = b.run(true);
		while (a.status !== 'paused') await new Promise((r) => setTimeout(r, 1));
		const last = events.filter((e) => e.type === 'progress').at(-1);
		expect(last?.type === 'progress' && last.progress.error).toMatchObject({ code: 'in-another-tab', message: expect.stringMatching(/Another tab took this study over/) });
		a.resume();
		await new Promise((r) => setTimeout(r, 10));
		expect(a.status).toBe('paused');
		a.takeOver();
		expect(await aDone).toBe('done');
		expect(store.samples.size).toBe(50);
		while (b.status !== 'paused') await new Promise((r) => setTimeout(r, 1));
		b.cancel();
		await bDone;
		// b lost the lease to a before it was cancelled, so it did not write 'cancelled' over a's 'done'.
		expect((await store.getStudy('s1'))?.status).toBe('done');
	});
});
