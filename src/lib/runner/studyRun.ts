// One run of a stored study: loads each model in order, takes every missing sample with its own
// seed, grades it and commits it to storage at once. Pause, resume and cancel abort the request
// in flight; that sample is simply taken again later with the same seed, so the bundle is the same.
// Models whose engine kind allows it run several at once, each on its own engine (a lane); which
// lane takes a sample changes nothing in it.
import { sampleKey, type Environment, type ModelRef, type Problem, type Sample, type ServerEnvironment } from '../core/types';
import type { Engine, ChatMessage, Completion, LoadProgress } from '../engines/types';
import { firstIndex, requestFor, warmUpFor } from './requestFor';
import { AbortedError, isEngineError, serializeError } from '../engines/errors';
import type { Grade } from '../core/grading';
import { planTasks, remainingTasks, type Task } from './plan';
import { LaneQueue, laneStages } from './laneQueue';
import type { RunStore } from './storage';
import { StudyLeaseError } from './errors';
import type { Lease, LeaseFor } from './studyLease';
import type { Counter, RunEvent, RunProgress, RunStatus, StoredStudy } from './types';

export interface RunDeps {
	store: RunStore;
	/**
	 * The engine for a model on a lane (0 when models run one at a time); `fresh` asks for a new one
	 * after a crash or a lost device. Each lane has an engine of its own.
	 */
	engineFor(model: ModelRef, fresh: boolean, lane: number): Engine;
	grade(text: string, problem: Problem, extractor: StoredStudy['study']['extractor']): Grade;
	render(study: StoredStudy, problem: Problem): string | ChatMessage[];
	/** Absolute URL that built-in model files resolve against. */
	baseUrl: string;
	app: string;
	browser: string;
	now?: () => number;
	/** Requests to keep in flight for a server model; undefined = one at a time, the next one sent ahead. */
	concurrencyFor?(model: ModelRef): number | undefined;
	/** Models of this one's kind that may run at once, each on its own engine; undefined = one. */
	lanesFor?(model: ModelRef): number | undefined;
	/** Minimum milliseconds between progress events (default 100). */
	throttleMs?: number;
	/** One tab at a time: the study's lease (a Web Lock in the app); none = no coordination. */
	lease?: LeaseFor;
}

class Stop extends Error {}

/** One engine instance and what it holds: the unit that runs one model at a time. */
interface Lane {
	index: number;
	engine?: Engine;
	/** The next task, asked for before this one was graded and saved. */
	prefetched?: { task: Task; result: Promise<Completion> };
	/** The problem whose prompt the engine's cache holds, prefilled canonically. */
	warm?: { engine: Engine; problem: string };
}

/** The environment with this model's server entry (replacing an older one for the same model). */
function withServer(env: Environment, server: ServerEnvironment | undefined): Environment {
	if (!server) return env;
	return { ...env, servers: [...(env.servers ?? []).filter((s) => s.model !== server.model), server] };
}

export class StudyRun {
	#status: RunStatus = 'new';
	#controller = new AbortController();
	/** Lanes waiting in #gate for a resume (or a cancel). */
	#waiting: (() => void)[] = [];
	#cancelled = false;
	/** A lane failed with an error that ends the run: the other lanes stop. */
	#failed = false;
	#progress: RunProgress = { status: 'new', perModel: {}, overall: { done: 0, total: 0 } };
	#outbox: Sample[] = [];
	#lastEmit = 0;
	#activeMs = 0;
	#runningSince: number | undefined;
	#sessionSamples = 0;
	#sessionTokens = 0;
	#writing: Promise<void> = Promise.resolve();
	/** Lanes save one at a time, in the order they ask. */
	#saving: Promise<void> = Promise.resolve();
	#unsaved: Sample | undefined;
	/** Each loading lane's progress; the page is shown the first. */
	#loads = new Map<number, LoadProgress>();
	#lease: Lease | undefined;
	/** Another tab took the study over: this run stops sampling and never writes its status. */
	#leaseLost = false;
	readonly #now: () => number;

	constructor(
		private readonly deps: RunDeps,
		readonly studyId: string,
		private readonly emit: (e: RunEvent) => void
	) {
		this.#now = deps.now ?? (() => performance.now());
	}

	get status(): RunStatus {
		return this.#status;
	}

	pause(): void {
		if (this.#status !== 'running') return;
		this.#setStatus('paused');
		this.#controller.abort();
		// Stored too, so a reload lists the study as paused, not running.
		void this.#saveStatus();
	}

	resume(): void {
		if (this.#status !== 'paused') return;
		if (this.#leaseLost) return void this.#regain(false);
		this.#progress.error = undefined;
		this.#setStatus('running');
		void this.#saveStatus();
		this.#wake();
	}

	/** Takes the study back from the tab that took it over (that tab pauses), then resumes. */
	takeOver(): void {
		if (this.#status === 'paused' && this.#leaseLost) void this.#regain(true);
	}

	#hold(lease: Lease): void {
		this.#lease = lease;
		void lease.lost.then(() => {
			if (this.#lease !== lease) return;
			this.#lease = undefined;
			this.#leaseLost = true;
			if (this.#status !== 'running' && this.#status !== 'paused') return;
			this.#progress.error = serializeError(new StudyLeaseError('taken-over'));
			this.#setStatus('paused');
			this.#controller.abort();
		});
	}

	async #regain(takeOver: boolean): Promise<void> {
		const lease = await this.deps.lease?.(takeOver).catch(() => undefined);
		if (!lease) {
			this.#progress.error = serializeError(new StudyLeaseError('held'));
			this.#flush(true);
			return;
		}
		this.#leaseLost = false;
		this.#hold(lease);
		this.resume();
	}

	cancel(): void {
		if (this.#status === 'done' || this.#status === 'cancelled') return;
		this.#cancelled = true;
		this.#controller.abort();
		this.#wake();
	}

	#wake(): void {
		const waiting = this.#waiting;
		this.#waiting = [];
		for (const resume of waiting) resume();
	}

	/** Cancelled, or another lane failed: every lane stops at its next step. */
	get #stopping(): boolean {
		return this.#cancelled || this.#failed;
	}

	#setStatus(status: RunStatus): void {
		const t = this.#now();
		if (this.#runningSince !== undefined) this.#activeMs += t - this.#runningSince;
		this.#runningSince = status === 'running' ? t : undefined;
		this.#status = status;
		this.#progress.status = status;
		this.#flush(true);
	}

	/** Waits while paused; throws Stop once cancelled. Gives a fresh signal for the next request. */
	async #gate(): Promise<AbortSignal> {
		while (this.#status === 'paused' && !this.#stopping) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		if (this.#stopping) throw new Stop();
		if (this.#controller.signal.aborted) this.#controller = new AbortController();
		return this.#controller.signal;
	}

	/** An error that a resume may cure (lost device, full disk, network): pause and say why. */
	#pauseFor(e: unknown): void {
		this.#progress.error = serializeError(e);
		this.#setStatus('paused');
		void this.#saveStatus();
	}

	/**
	 * Stores the status (so a reload lists the study as it is). Never throws: on a full disk the
	 * write fails too, and progress says `statusStored: false` so the page can keep the status
	 * elsewhere. A run whose study another tab took over writes nothing.
	 */
	async #saveStatus(): Promise<void> {
		if (this.#leaseLost) return;
		const status = this.#status;
		let stored: boolean;
		try {
			const s = await this.deps.store.getStudy(this.studyId);
			if (!s) return;
			await this.deps.store.putStudy({
				...s,
				status,
				...(this.#progress.error && status === 'paused' ? { error: this.#progress.error } : { error: undefined }),
				...(this.#environment ? { environment: this.#environment } : {}),
				updatedAt: new Date().toISOString()
			});
			stored = true;
		} catch {
			stored = false;
		}
		if (stored === (this.#progress.statusStored !== false)) return;
		this.#progress.statusStored = stored ? undefined : false;
		this.#flush(true);
	}

	/** Counts a stored sample in (or, when its write failed, back out of) the progress. */
	#count(sample: Sample, by: 1 | -1): void {
		this.#progress.overall.done += by;
		(this.#progress.perModel[sample.model] as Counter).done += by;
	}

	#environment: Environment | undefined;

	#flush(force = false): void {
		const t = this.#now();
		if (!force && t - this.#lastEmit < (this.deps.throttleMs ?? 100)) return;
		this.#lastEmit = t;
		if (this.#outbox.length) {
			this.emit({ type: 'samples', samples: this.#outbox });
			this.#outbox = [];
		}
		const active = (this.#activeMs + (this.#runningSince !== undefined ? t - this.#runningSince : 0)) / 1000;
		const left = this.#progress.overall.total - this.#progress.overall.done;
		const rate = active > 0 && this.#sessionSamples > 0 ? this.#sessionSamples / active : undefined;
		this.#progress.samplesPerSecond = rate;
		this.#progress.tokensPerSecond = active > 0 && this.#sessionTokens > 0 ? this.#sessionTokens / active : undefined;
		this.#progress.secondsLeft = rate ? left / rate : undefined;
		this.emit({ type: 'progress', progress: structuredClone(this.#progress) });
	}

	/** Commits the previous sample (one write in flight at most, overlapping the next request). */
	#save(sample: Sample | undefined): Promise<void> {
		const turn = this.#saving.then(() => this.#commit(sample));
		this.#saving = turn.catch(() => {});
		return turn;
	}

	async #commit(sample: Sample | undefined): Promise<void> {
		let failure: unknown;
		await this.#writing.catch((e: unknown) => (failure = e ?? new Error('write failed')));
		// The failed sample is still in #unsaved: count it out (the counter shows what is stored),
		// pause, and write it again on resume.
		const retried = failure !== undefined ? this.#unsaved : undefined;
		if (retried) this.#count(retried, -1);
		while (failure !== undefined) {
			this.#pauseFor(failure);
			await this.#gate();
			failure = undefined;
			if (this.#unsaved) await this.deps.store.putSample(this.studyId, this.#unsaved).catch((e: unknown) => (failure = e));
		}
		if (retried) this.#count(retried, 1);
		this.#unsaved = sample;
		this.#writing = sample ? this.deps.store.putSample(this.studyId, sample) : Promise.resolve();
		// Its failure is handled at the next #save; mark it handled so it is not reported as stray.
		this.#writing.catch(() => {});
	}

	/** Grades a completion of `task` and saves it as a sample, then counts it and queues it for the page. */
	async #keep(task: Task, c: Completion, problem: Problem, extractor: StoredStudy['study']['extractor']): Promise<void> {
		const g = this.deps.grade(c.text, problem, extractor);
		const sample: Sample = { ...task, text: c.text, answer: g.answer, correct: g.correct, tokens: c.tokens, ms: Math.round(c.ms), finish: c.finish };
		await this.#save(sample);
		this.#outbox.push(sample);
		this.#sessionSamples++;
		this.#sessionTokens += sample.tokens;
		this.#count(sample, 1);
	}

	/** Runs the study to its end; with a lease, only when this tab can hold it (takeOver steals it). */
	async run(takeOver = false): Promise<RunStatus> {
		if (this.deps.lease) {
			const lease = await this.deps.lease(takeOver);
			if (!lease) throw new StudyLeaseError('held');
			this.#hold(lease);
		}
		try {
			return await this.#run();
		} finally {
			const lease = this.#lease;
			this.#lease = undefined;
			lease?.release();
		}
	}

	async #run(): Promise<RunStatus> {
		const stored = await this.deps.store.getStudy(this.studyId);
		if (!stored) throw new Error(`No study "${this.studyId}" is stored in this browser.`);
		const { study, models, problems } = stored;
		// Servers named by an earlier session stay in the environment.
		this.#environment ??= stored.environment;
		const tasks = planTasks(study.seed, models, problems, study.sampling);
		const done = await this.deps.store.doneKeys(this.studyId);
		const perModel: Record<string, Counter> = {};
		for (const m of models) perModel[m.id] = { done: 0, total: 0 };
		for (const t of tasks) {
			const c = perModel[t.model] as Counter;
			c.total++;
			if (done.has(sampleKey(t))) c.done++;
		}
		this.#progress = { status: 'running', perModel, overall: { done: done.size, total: tasks.length } };
		const byId = new Map(problems.map((p) => [p.id, p]));
		const prompts = new Map(problems.map((p) => [p.id, this.deps.render(stored, p)]));
		const todo = remainingTasks(tasks, done);
		this.#setStatus('running');
		await this.#saveStatus();
		try {
			// Only models with work left: one that is done is never loaded, nor splits a stage.
			const left = new Set(todo.map((t) => t.model));
			const ordered = [...models].sort((a, b) => a.order - b.order).filter((m) => left.has(m.id));
			const stages = laneStages(ordered, (m) => this.deps.lanesFor?.(m), (m) => this.deps.concurrencyFor?.(m));
			for (const stage of stages) {
				const ids = new Set(stage.models.map((m) => m.id));
				const mine = todo.filter((t) => ids.has(t.model));
				const model = stage.models[0] as ModelRef;
				if (stage.concurrency !== undefined) {
					this.#progress.models = [model.id];
					const engine = await this.#load(model, stored, false, { index: 0 });
					await this.#takeMany(mine, stage.concurrency, engine, stored, byId, prompts);
				} else {
					const queue = new LaneQueue(stage.models.map((m) => m.id), mine);
					const refs = new Map(stage.models.map((m) => [m.id, m]));
					const lanes = Array.from({ length: stage.lanes }, (_, index) => () => this.#lane({ index }, queue, refs, stored, byId, prompts));
					await this.#together(lanes);
				}
				await this.#save(undefined);
			}
			await this.#save(undefined);
			await this.#writing;
			this.#progress.models = undefined;
			this.#loads.clear();
			this.#progress.load = undefined;
			await this.#finish('done');
		} catch (e) {
			if (!(e instanceof Stop)) throw e;
			await this.#saving;
			await this.#writing.catch(() => {});
			await this.#finish('cancelled');
		}
		return this.#status;
	}

	/**
	 * Runs jobs (lanes, or a server model's requests) at once. The first to fail stops the others;
	 * once all have stopped, its error is thrown (a cancel: Stop).
	 */
	async #together(jobs: (() => Promise<void>)[]): Promise<void> {
		const results = await Promise.allSettled(
			jobs.map(async (job) => {
				try {
					await job();
				} catch (e) {
					if (!(e instanceof Stop)) {
						this.#failed = true;
						this.#controller.abort();
						this.#wake();
					}
					throw e;
				}
			})
		);
		const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
		if (reasons.length) throw reasons.find((e) => !(e instanceof Stop)) ?? reasons[0];
	}

	/**
	 * One lane: takes the queue's models one at a time on its own engine until none is left for it.
	 * A problem's samples are taken together, the next problem claimed before the last sample of
	 * this one so that its first sample can be asked for ahead, as within a problem.
	 */
	async #lane(
		lane: Lane,
		queue: LaneQueue,
		models: Map<string, ModelRef>,
		stored: StoredStudy,
		problems: Map<string, Problem>,
		prompts: Map<string, string | ChatMessage[]>
	): Promise<void> {
		for (let id = queue.pick(); id !== undefined; id = queue.pick()) {
			const model = models.get(id) as ModelRef;
			this.#progress.models = queue.running();
			try {
				lane.engine = await this.#load(model, stored, false, lane);
				let mine = queue.take(id) ?? [];
				while (mine.length) {
					const task = mine.shift() as Task;
					if (!mine.length) mine = queue.take(id) ?? [];
					await this.#take(task, mine[0], lane, model, stored, problems, prompts);
				}
			} finally {
				queue.leave(id);
				this.#progress.models = queue.running();
			}
		}
	}

	/** Stores the final status (and environment) before announcing it, so a bundle asked for on
	 * the announcement is complete. */
	async #finish(status: 'done' | 'cancelled'): Promise<void> {
		this.#status = status;
		await this.#saveStatus();
		this.#setStatus(status);
	}

	/** The first loading lane's progress, for the page. */
	#showLoad(): void {
		this.#progress.load = this.#loads.values().next().value;
	}

	async #load(model: ModelRef, stored: StoredStudy, fresh: boolean, lane: Lane): Promise<Engine> {
		for (;;) {
			const signal = await this.#gate();
			const engine = this.deps.engineFor(model, fresh, lane.index);
			// A new model (or instance): nothing asked ahead, nothing in the cache.
			lane.prefetched = undefined;
			lane.warm = undefined;
			try {
				const file = model.source.startsWith('file:') ? await this.deps.store.getFile(this.studyId, model.id) : undefined;
				const onProgress = (p: LoadProgress) => (this.#loads.set(lane.index, p), this.#showLoad(), this.#flush());
				await engine.load(model, onProgress, signal, { baseUrl: this.deps.baseUrl, ...(file ? { file } : {}) });
				this.#loads.delete(lane.index);
				this.#showLoad();
				const info = await engine.info();
				this.#environment = withServer({ ...this.#environment, app: this.deps.app, engine: info.name, browser: this.deps.browser }, info.server);
				await this.#saveStatus();
				return engine;
			} catch (e) {
				if (this.#stopping) throw new Stop();
				if (isEngineError(e, 'aborted')) continue; // paused while loading: load again on resume
				this.#pauseFor(e);
				fresh = true;
			}
		}
	}

	/**
	 * A server engine batches concurrent requests: keep `concurrency` of them in flight, grade and
	 * save each sample the moment it arrives (in arrival order; the bundle sorts them), pause on an
	 * error with every finished sample kept. A pause aborts the requests in flight; each is taken
	 * again on resume with its own seed.
	 */
	async #takeMany(
		tasks: readonly Task[],
		concurrency: number,
		engine: Engine,
		stored: StoredStudy,
		problems: Map<string, Problem>,
		prompts: Map<string, string | ChatMessage[]>
	): Promise<void> {
		const { extractor } = stored.study;
		let next = 0;
		const lane = async (): Promise<void> => {
			while (next < tasks.length) {
				const task = tasks[next++] as Task;
				for (;;) {
					const signal = await this.#gate();
					try {
						const c = await engine.complete(requestFor(task, stored.study, prompts.get(task.problem) ?? ''), signal);
						// One save at a time (#save queues them), in the order samples arrive.
						await this.#keep(task, c, problems.get(task.problem) as Problem, extractor);
						this.#flush();
						break;
					} catch (e) {
						if (e instanceof Stop || this.#stopping) throw new Stop();
						if (isEngineError(e, 'aborted')) continue;
						this.#pauseFor(e);
					}
				}
			}
		};
		await this.#together(Array.from({ length: Math.min(concurrency, tasks.length) }, () => lane));
		// The server's fingerprints and model id, as its answers gave them.
		const info = await engine.info();
		if (info.server && this.#environment) {
			this.#environment = withServer(this.#environment, info.server);
			await this.#saveStatus();
		}
	}

	async #take(
		task: Task,
		next: Task | undefined,
		lane: Lane,
		model: ModelRef,
		stored: StoredStudy,
		problems: Map<string, Problem>,
		prompts: Map<string, string | ChatMessage[]>
	): Promise<void> {
		const { extractor } = stored.study;
		const problem = problems.get(task.problem) as Problem;
		const request = (t: Task) => requestFor(t, stored.study, prompts.get(t.problem) ?? '');
		for (;;) {
			const signal = await this.#gate();
			const engine = lane.engine as Engine;
			try {
				const ahead = lane.prefetched?.task === task ? lane.prefetched.result : undefined;
				lane.prefetched = undefined;
				const first = task.index === firstIndex(stored.study);
				if (!ahead && !first && (lane.warm?.engine !== engine || lane.warm.problem !== task.problem)) {
					await engine.complete(warmUpFor(prompts.get(task.problem) ?? ''), signal);
					lane.warm = { engine, problem: task.problem };
				}
				const c = await (ahead ?? engine.complete(request(task), signal));
				// The cache now holds this problem's prompt, prefilled as its first sample does it.
				lane.warm = { engine, problem: task.problem };
				// Ask for the next sample before grading and saving this one, so the engine never
				// waits for them (the engine still runs one request at a time).
				if (next && this.#status === 'running' && !this.#stopping) {
					const result = engine.complete(request(next), this.#controller.signal);
					result.catch(() => {}); // handled when it is awaited as the next task
					lane.prefetched = { task: next, result };
				}
				await this.#keep(task, c, problem, extractor);
				// Paused meanwhile: this count comes after the pause's own event, so send it now.
				this.#flush(this.#status !== 'running');
				return;
			} catch (e) {
				if (e instanceof Stop || this.#stopping) throw new Stop();
				if (isEngineError(e, 'aborted') || e instanceof AbortedError) continue;
				lane.prefetched = undefined;
				this.#pauseFor(e);
				// The engine may be gone (lost device, crashed worker): reload the model on resume.
				if (isEngineError(e, 'device-lost') || isEngineError(e, 'worker-crashed') || isEngineError(e, 'not-loaded')) {
					lane.engine = await this.#load(model, stored, true, lane);
				}
			}
		}
	}
}
