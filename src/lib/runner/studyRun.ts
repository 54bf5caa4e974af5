// One run of a stored study: loads each model in order, takes every missing sample with its own
// seed, grades it and commits it to storage at once. Pause, resume and cancel abort the request
// in flight; that sample is simply taken again later with the same seed, so the bundle is the same.
import { sampleKey, type Environment, type ModelRef, type Problem, type Sample, type ServerEnvironment } from '../core/types';
import type { Engine, ChatMessage, Completion } from '../engines/types';
import { firstIndex, requestFor, warmUpFor } from './requestFor';
import { AbortedError, isEngineError, serializeError } from '../engines/errors';
import type { Grade } from '../core/grading';
import { planTasks, remainingTasks, type Task } from './plan';
import type { RunStore } from './storage';
import { StudyLeaseError } from './errors';
import type { Lease, LeaseFor } from './studyLease';
import type { Counter, RunEvent, RunProgress, RunStatus, StoredStudy } from './types';

export interface RunDeps {
	store: RunStore;
	/** The engine for a model; `fresh` asks for a new one after a crash or a lost device. */
	engineFor(model: ModelRef, fresh: boolean): Engine;
	grade(text: string, problem: Problem, extractor: StoredStudy['study']['extractor']): Grade;
	render(study: StoredStudy, problem: Problem): string | ChatMessage[];
	/** Absolute URL that built-in model files resolve against. */
	baseUrl: string;
	app: string;
	browser: string;
	now?: () => number;
	/** Requests to keep in flight for a server model; undefined = one at a time, the next one sent ahead. */
	concurrencyFor?(model: ModelRef): number | undefined;
	/** Minimum milliseconds between progress events (default 100). */
	throttleMs?: number;
	/** One tab at a time: the study's lease (a Web Lock in the app); none = no coordination. */
	lease?: LeaseFor;
}

class Stop extends Error {}

/** The environment with this model's server entry (replacing an older one for the same model). */
function withServer(env: Environment, server: ServerEnvironment | undefined): Environment {
	if (!server) return env;
	return { ...env, servers: [...(env.servers ?? []).filter((s) => s.model !== server.model), server] };
}

export class StudyRun {
	#status: RunStatus = 'new';
	#controller = new AbortController();
	#resume: (() => void) | undefined;
	#cancelled = false;
	#progress: RunProgress = { status: 'new', perModel: {}, overall: { done: 0, total: 0 } };
	#outbox: Sample[] = [];
	#lastEmit = 0;
	#activeMs = 0;
	#runningSince: number | undefined;
	#sessionSamples = 0;
	#sessionTokens = 0;
	#writing: Promise<void> = Promise.resolve();
	#unsaved: Sample | undefined;
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
		this.#resume?.();
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
		this.#resume?.();
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
		while (this.#status === 'paused' && !this.#cancelled) {
			await new Promise<void>((resolve) => (this.#resume = resolve));
			this.#resume = undefined;
		}
		if (this.#cancelled) throw new Stop();
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
	async #save(sample: Sample | undefined): Promise<void> {
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
			for (const model of [...models].sort((a, b) => a.order - b.order)) {
				const mine = todo.filter((t) => t.model === model.id);
				if (!mine.length) continue;
				this.#progress.model = model.id;
				let engine = await this.#load(model, stored, false);
				const concurrency = this.deps.concurrencyFor?.(model);
				if (concurrency !== undefined) await this.#takeMany(mine, concurrency, engine, stored, byId, prompts);
				else {
					for (let i = 0; i < mine.length; i++) {
						engine = await this.#take(mine[i] as Task, mine[i + 1], engine, model, stored, byId, prompts);
					}
				}
				await this.#save(undefined);
			}
			await this.#save(undefined);
			await this.#writing;
			this.#progress.model = undefined;
			this.#progress.load = undefined;
			await this.#finish('done');
		} catch (e) {
			if (!(e instanceof Stop)) throw e;
			await this.#writing.catch(() => {});
			await this.#finish('cancelled');
		}
		return this.#status;
	}

	/** Stores the final status (and environment) before announcing it, so a bundle asked for on
	 * the announcement is complete. */
	async #finish(status: 'done' | 'cancelled'): Promise<void> {
		this.#status = status;
		await this.#saveStatus();
		this.#setStatus(status);
	}

	async #load(model: ModelRef, stored: StoredStudy, fresh: boolean): Promise<Engine> {
		for (;;) {
			const signal = await this.#gate();
			const engine = this.deps.engineFor(model, fresh);
			try {
				const file = model.source.startsWith('file:') ? await this.deps.store.getFile(this.studyId, model.id) : undefined;
				await engine.load(model, (p) => ((this.#progress.load = p), this.#flush()), signal, { baseUrl: this.deps.baseUrl, ...(file ? { file } : {}) });
				this.#progress.load = undefined;
				const info = await engine.info();
				this.#environment = withServer({ ...this.#environment, app: this.deps.app, engine: info.name, browser: this.deps.browser }, info.server);
				await this.#saveStatus();
				return engine;
			} catch (e) {
				if (this.#cancelled) throw new Stop();
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
		let saving: Promise<void> = Promise.resolve();
		const lane = async (): Promise<void> => {
			while (next < tasks.length) {
				const task = tasks[next++] as Task;
				for (;;) {
					const signal = await this.#gate();
					try {
						const c = await engine.complete(requestFor(task, stored.study, prompts.get(task.problem) ?? ''), signal);
						const g = this.deps.grade(c.text, problems.get(task.problem) as Problem, extractor);
						const sample: Sample = { ...task, text: c.text, answer: g.answer, correct: g.correct, tokens: c.tokens, ms: Math.round(c.ms), finish: c.finish };
						// One save at a time, in the order samples arrive.
						const saved = saving.then(() => this.#save(sample));
						saving = saved.catch(() => {});
						await saved;
						this.#outbox.push(sample);
						this.#sessionSamples++;
						this.#sessionTokens += c.tokens;
						this.#count(sample, 1);
						this.#flush();
						break;
					} catch (e) {
						if (e instanceof Stop || this.#cancelled) throw new Stop();
						if (isEngineError(e, 'aborted')) continue;
						this.#pauseFor(e);
					}
				}
			}
		};
		const lanes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, tasks.length) }, lane));
		await saving;
		const failed = lanes.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed) throw failed.reason;
		// The server's fingerprints and model id, as its answers gave them.
		const info = await engine.info();
		if (info.server && this.#environment) {
			this.#environment = withServer(this.#environment, info.server);
			await this.#saveStatus();
		}
	}

	#prefetched: { task: Task; result: Promise<Completion> } | undefined;
	/** The engine and problem whose prompt that engine's cache holds, prefilled canonically. */
	#warm: { engine: Engine; problem: string } | undefined;

	async #take(
		task: Task,
		next: Task | undefined,
		engine: Engine,
		model: ModelRef,
		stored: StoredStudy,
		problems: Map<string, Problem>,
		prompts: Map<string, string | ChatMessage[]>
	): Promise<Engine> {
		const { extractor } = stored.study;
		const problem = problems.get(task.problem) as Problem;
		const request = (t: Task) => requestFor(t, stored.study, prompts.get(t.problem) ?? '');
		for (;;) {
			const signal = await this.#gate();
			try {
				const ahead = this.#prefetched?.task === task ? this.#prefetched.result : undefined;
				this.#prefetched = undefined;
				const first = task.index === firstIndex(stored.study);
				if (!ahead && !first && (this.#warm?.engine !== engine || this.#warm.problem !== task.problem)) {
					await engine.complete(warmUpFor(prompts.get(task.problem) ?? ''), signal);
					this.#warm = { engine, problem: task.problem };
				}
				const c = await (ahead ?? engine.complete(request(task), signal));
				// The cache now holds this problem's prompt, prefilled as its first sample does it.
				this.#warm = { engine, problem: task.problem };
				// Ask for the next sample before grading and saving this one, so the engine never
				// waits for them (the engine still runs one request at a time).
				if (next && this.#status === 'running' && !this.#cancelled) {
					const result = engine.complete(request(next), this.#controller.signal);
					result.catch(() => {}); // handled when it is awaited as the next task
					this.#prefetched = { task: next, result };
				}
				const g = this.deps.grade(c.text, problem, extractor);
				const sample: Sample = { ...task, text: c.text, answer: g.answer, correct: g.correct, tokens: c.tokens, ms: Math.round(c.ms), finish: c.finish };
				await this.#save(sample);
				this.#outbox.push(sample);
				this.#sessionSamples++;
				this.#sessionTokens += c.tokens;
				this.#count(sample, 1);
				// Paused meanwhile: this count comes after the pause's own event, so send it now.
				this.#flush(this.#status !== 'running');
				return engine;
			} catch (e) {
				if (e instanceof Stop || this.#cancelled) throw new Stop();
				if (isEngineError(e, 'aborted') || e instanceof AbortedError) continue;
				this.#prefetched = undefined;
				this.#pauseFor(e);
				// The engine may be gone (lost device, crashed worker): reload the model on resume.
				if (isEngineError(e, 'device-lost') || isEngineError(e, 'worker-crashed') || isEngineError(e, 'not-loaded')) {
					engine = await this.#load(model, stored, true);
				}
			}
		}
	}
}
