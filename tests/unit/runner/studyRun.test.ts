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
		// The reloaded engine's cache is empty: the prompt is warmed up, then the lost sample taken again.
		expect(engine.calls[8]).toMatchObject({ maxTokens: 1, cachePrompt: false });
		expect(engine.calls[7]?.seed).toBe(engine.calls[9]?.seed);
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

/** What the engines of a multi-lane run did: requests in flight by model and by engine, loads by lane. */
class Tracker {
	inFlight = new Map<string, number>();
	/** Most distinct models with a request in flight at once. */
	maxModels = 0;
	/** Most requests in flight on any one engine at once. */
	maxPerEngine = 0;
	loads: string[] = [];
	calls: CompletionRequest[] = [];
}

/** A seeded engine per lane that says which model it has loaded in every answer. */
class LaneEngine implements Engine {
	model: string | undefined;
	active = 0;
	calls: CompletionRequest[] = [];
	loseDeviceAt = -1;
	constructor(
		readonly tracker: Tracker,
		readonly lane: number
	) {}
	async load(model: ModelRef) {
		this.model = model.id;
		this.tracker.loads.push(`${this.lane}:${model.id}`);
	}
	complete(req: CompletionRequest, signal: AbortSignal): Promise<Completion> {
		const model = this.model;
		if (!model) return Promise.reject(new Error('not loaded'));
		if (signal.aborted) return Promise.reject(new AbortedError());
		this.calls.push(req);
		this.tracker.calls.push(req);
		if (this.calls.length === this.loseDeviceAt) return Promise.reject(new DeviceLostError());
		const t = this.tracker;
		this.active++;
		t.maxPerEngine = Math.max(t.maxPerEngine, this.active);
		t.inFlight.set(model, (t.inFlight.get(model) ?? 0) + 1);
		t.maxModels = Math.max(t.maxModels, [...t.inFlight.values()].filter((n) => n > 0).length);
		let settled = false;
		const done = () => {
			if (settled) return false;
			settled = true;
			this.active--;
			t.inFlight.set(model, (t.inFlight.get(model) ?? 1) - 1);
			return true;
		};
		return new Promise<Completion>((resolve, reject) => {
			const timer = setTimeout(() => done() && resolve({ text: `${model} #### ${req.seed % 7}`, tokens: 4, ms: 1, finish: 'stop' }), 1);
			signal.addEventListener('abort', () => (clearTimeout(timer), done() && reject(new AbortedError())), { once: true });
		});
	}
	async unload() {}
	async info() {
		return { name: 'lanes', backend: 'wasm' as const };
	}
}

const threeModels: ModelRef[] = [0, 1, 2].map((i) => ({ id: `M${i + 1}`, label: `M${i + 1}`, engine: 'builtin', source: `m${i + 1}.gguf`, order: i }));

function laneStudy(id = 's1', problemCount = 5, which = threeModels): StoredStudy {
	return { ...study(id), models: which, problems: problems.length >= problemCount ? problems.slice(0, problemCount) : manyProblems(problemCount) };
}

function manyProblems(count: number): Problem[] {
	return Array.from({ length: count }, (_, i) => ({ id: `q${i}`, question: `${i} + 2?`, answer: String(i % 7), answerType: 'number', split: 'in-domain' }));
}

/** A run with `lanes` lanes, each lane an engine of its own (as the app's EnginePool gives). */
function laneRun(store: MemoryStore, lanes: number, events: RunEvent[] = [], id = 's1') {
	const tracker = new Tracker();
	const engines: LaneEngine[] = [];
	let fresh = 0;
	const d: RunDeps = {
		...deps(store, new SeededEngine()),
		engineFor: (_m, f, lane) => {
			if (f) fresh++;
			if (f || !engines[lane]) engines[lane] = new LaneEngine(tracker, lane);
			return engines[lane] as LaneEngine;
		},
		lanesFor: () => lanes
	};
	const run = new StudyRun(d, id, (e) => events.push(e));
	return { run, tracker, engines, fresh: () => fresh };
}

/** A store holding the lane study. */
async function laneStore(): Promise<MemoryStore> {
	const store = new MemoryStore();
	await store.putStudy(laneStudy());
	return store;
}

/** The bundle of what `store` holds of study s1. */
const bundleOf = async (store: MemoryStore) => buildBundle((await store.getStudy('s1'))!, await store.getSamples(), 'x');

/** The lane study run on one lane, as the bundle every multi-lane run must give. */
async function oneLaneBundle() {
	const full = await laneStore();
	await laneRun(full, 1).run.run();
	return bundleOf(full);
}

/** Every sample's content came from an engine holding its model. */
const fromOwnModel = (samples: Sample[]) => samples.every((s) => s.text.startsWith(`${s.model} `));

describe('StudyRun lanes', () => {
	it('with lanes = 2, two models are sampled at once, each engine running one request at a time; the bundle equals the one-lane run', async () => {
		const one = await laneStore();
		const single = laneRun(one, 1);
		expect(await single.run.run()).toBe('done');
		expect(single.tracker.maxModels).toBe(1);

		const two = await laneStore();
		const events: RunEvent[] = [];
		const double = laneRun(two, 2, events);
		expect(await double.run.run()).toBe('done');
		expect(double.tracker.maxModels).toBe(2);
		expect(double.tracker.maxPerEngine).toBe(1);
		expect(double.engines).toHaveLength(2);
		// Lane 0 takes M1 and lane 1 M2 at once; M3 goes to whichever is free first.
		expect(double.tracker.loads.slice(0, 2).sort()).toEqual(['0:M1', '1:M2']);
		expect(double.tracker.loads).toHaveLength(3);
		// The page is told both models run.
		const running = events.flatMap((e) => (e.type === 'progress' && e.progress.models ? [e.progress.models.join()] : []));
		expect(running).toContain('M1,M2');
		const last = events.filter((e) => e.type === 'progress').at(-1);
		expect(last?.type === 'progress' && last.progress).toMatchObject({ status: 'done', overall: { done: 75, total: 75 }, models: undefined });
		expect(last?.type === 'progress' && Object.values(last.progress.perModel).every((c) => c.done === 25 && c.total === 25)).toBe(true);

		const a = await bundleOf(one);
		const b = await bundleOf(two);
		expect(b.samples).toHaveLength(75);
		expect(fromOwnModel(b.samples)).toBe(true);
		expect(strip(b.samples)).toEqual(strip(a.samples));
		// The greedy sample of every problem is prefilled from scratch on both.
		expect(double.tracker.calls.filter((c) => c.temperature === 0).every((c) => c.cachePrompt === false)).toBe(true);
	});

	it('a free lane joins the last model when it has enough left; its samples are the same', async () => {
		// One model, 20 problems x 5 samples: the second lane loads it too and takes problems from it.
		const one = new MemoryStore();
		await one.putStudy(laneStudy('s1', 20, threeModels.slice(0, 1)));
		expect(await laneRun(one, 1).run.run()).toBe('done');
		const two = new MemoryStore();
		await two.putStudy(laneStudy('s1', 20, threeModels.slice(0, 1)));
		const double = laneRun(two, 2);
		expect(await double.run.run()).toBe('done');
		expect(double.tracker.loads.sort()).toEqual(['0:M1', '1:M1']);
		expect(double.engines.every((e) => e.calls.length > 0)).toBe(true);
		// A problem's samples stay on one engine (its prompt cache): no warm-ups were needed.
		expect(double.tracker.calls.filter((c) => c.maxTokens === 1)).toHaveLength(0);
		const a = await bundleOf(one);
		const b = await bundleOf(two);
		expect(strip(b.samples)).toEqual(strip(a.samples));
	});

	it('cancel() during a 2-lane run stops both lanes and keeps what was saved; a resume completes the same bundle', async () => {
		const a = await oneLaneBundle();
		const store = await laneStore();
		const events: RunEvent[] = [];
		const first = laneRun(store, 2, events);
		const finished = first.run.run();
		while (first.tracker.maxModels < 2 || store.samples.size < 12) await new Promise((r) => setTimeout(r, 1));
		first.run.cancel();
		expect(await finished).toBe('cancelled');
		const calls = first.tracker.calls.length;
		const kept = store.samples.size;
		expect(kept).toBeGreaterThanOrEqual(12);
		expect(kept).toBeLessThan(75);
		await new Promise((r) => setTimeout(r, 20));
		// Nothing runs or is written after the run said it was cancelled.
		expect(first.tracker.calls.length).toBe(calls);
		expect(first.engines.every((e) => e.active === 0)).toBe(true);
		expect(store.samples.size).toBe(kept);
		const streamed = events.flatMap((e) => (e.type === 'samples' ? e.samples : []));
		expect(streamed.map(sampleKey).sort()).toEqual([...store.samples.keys()].sort());
		expect((await store.getStudy('s1'))?.status).toBe('cancelled');

		expect(await laneRun(store, 2).run.run()).toBe('done');
		const b = await bundleOf(store);
		expect(fromOwnModel(b.samples)).toBe(true);
		expect(strip(b.samples)).toEqual(strip(a.samples));
	});

	it('pause() holds both lanes until resume()', async () => {
		const store = await laneStore();
		const { run, tracker, engines } = laneRun(store, 2);
		const finished = run.run();
		while (tracker.maxModels < 2 || store.samples.size < 10) await new Promise((r) => setTimeout(r, 1));
		run.pause();
		await new Promise((r) => setTimeout(r, 10));
		const calls = tracker.calls.length;
		const saved = store.samples.size;
		await new Promise((r) => setTimeout(r, 30));
		expect(tracker.calls.length).toBe(calls);
		expect(store.samples.size).toBe(saved);
		expect(engines.every((e) => e.active === 0)).toBe(true);
		run.resume();
		expect(await finished).toBe('done');
		expect(store.samples.size).toBe(75);
		expect(tracker.maxModels).toBe(2);
	});

	it('a lost device on one lane pauses the whole run; resume reloads that lane only and the bundle is the same', async () => {
		const a = await oneLaneBundle();
		const store = await laneStore();
		const events: RunEvent[] = [];
		const r = laneRun(store, 2, events);
		const finished = r.run.run();
		while (!r.engines[1]) await new Promise((res) => setTimeout(res, 0));
		(r.engines[1] as LaneEngine).loseDeviceAt = 6;
		while (r.run.status !== 'paused') await new Promise((res) => setTimeout(res, 1));
		const paused = events.filter((e) => e.type === 'progress').at(-1);
		expect(paused?.type === 'progress' && paused.progress.error?.code).toBe('device-lost');
		await new Promise((res) => setTimeout(res, 20));
		// The other lane stopped too (at most its request in flight finished).
		const calls = r.tracker.calls.length;
		await new Promise((res) => setTimeout(res, 20));
		expect(r.tracker.calls.length).toBe(calls);
		r.run.resume();
		expect(await finished).toBe('done');
		expect(r.fresh()).toBe(1);
		const b = await bundleOf(store);
		expect(fromOwnModel(b.samples)).toBe(true);
		expect(strip(b.samples)).toEqual(strip(a.samples));
	});

	it('an error that ends the run in one lane stops the other lanes before run() rejects with it', async () => {
		const store = await laneStore();
		const { run, tracker, engines } = laneRun(store, 2);
		const d = (run as unknown as { deps: RunDeps }).deps;
		const engineFor = d.engineFor;
		// The third model's engine kind cannot run in this build: its lane throws when it reaches it.
		d.engineFor = (m, f, lane) => {
			if (m.id === 'M3') throw new Error('unsupported engine');
			return engineFor(m, f, lane);
		};
		await expect(run.run()).rejects.toThrow('unsupported engine');
		const calls = tracker.calls.length;
		await new Promise((r) => setTimeout(r, 20));
		expect(tracker.calls.length).toBe(calls);
		expect(engines.every((e) => e.active === 0)).toBe(true);
	});
});
