// The open study and its report. Pages and components read this store; only the store talks to
// the report worker. The runner feeds a run in progress through setBundle() and addSamples().
import type * as ComlinkNs from 'comlink';
import type { Bundle, Sample } from '$lib/core/types';
import type { Report } from '$lib/core/metrics/reportTypes';
import type { BundleSummary, FileBytes, Loaded, ReportWorkerApi } from '$lib/workers/report.worker';
import type { AnswerMass, BrowserRow, SampleFilter, Showcase } from '$lib/core/samples';

export interface LoadError {
	/** What was being opened (file name or URL). */
	source: string;
	message: string;
}

type Remote = ComlinkNs.Remote<ReportWorkerApi>;

class ReportStore {
	summary = $state.raw<BundleSummary | undefined>();
	report = $state.raw<Report | undefined>();
	/** False while a large bundle's intervals are still being computed. */
	intervals = $state(true);
	/** What is being read or computed right now, for the status line. */
	busy = $state<string | undefined>();
	error = $state.raw<LoadError | undefined>();
	/** Bumped on every new report, so views that query the worker refresh. */
	version = $state(0);
	/** Timings of the last load: reading the file, then worker parse and report. */
	timings = $state.raw<{ read: number; parse: number; report: number } | undefined>();

	#remote: Promise<Remote> | undefined;
	#comlink: typeof ComlinkNs | undefined;
	#pending: Sample[] = [];
	#flushing = false;

	async #spawn(): Promise<Remote> {
		const Comlink = await import('comlink');
		this.#comlink = Comlink;
		const worker = new Worker(new URL('../workers/report.worker.ts', import.meta.url), { type: 'module' });
		return Comlink.wrap<ReportWorkerApi>(worker);
	}

	#worker(): Promise<Remote> {
		this.#remote ??= this.#spawn();
		return this.#remote;
	}

	#accept(loaded: Loaded, read = 0, name = ''): void {
		this.summary = loaded.summary;
		this.report = loaded.report;
		this.intervals = loaded.intervals;
		this.error = undefined;
		this.timings = { read, parse: loaded.timings.parse, report: loaded.timings.report };
		performance.mark('rl:report-received', { detail: this.timings });
		this.version++;
		if (!loaded.intervals)
			this.#completeReport().catch((e: unknown) => {
				this.error = { source: name, message: `The complete report (intervals, diversity, verdicts) failed: ${e instanceof Error ? e.message : String(e)}` };
			});
	}

	/**
	 * Recompute semantic diversity with the neural sentence embedder, from its cached model only
	 * (never the network). Returns why it fell back, or undefined when the report now uses it.
	 */
	async useSentenceEmbedder(): Promise<string | undefined> {
		const remote = await this.#worker();
		const version = this.version;
		this.busy = 'Embedding the samples with the sentence model';
		try {
			const { prepareVectors } = await import('$lib/embeddings');
			const prepared = await prepareVectors(await remote.sampleTexts(), { allowDownload: false });
			if (!prepared.neural) return prepared.fallbackReason;
			const report = await remote.withVectors(prepared.name, prepared.vectors);
			if (report && version === this.version) {
				this.report = report;
				this.version++;
			}
			return undefined;
		} finally {
			this.busy = undefined;
		}
	}

	/**
	 * The complete report of a large study: the worker's pool has been computing it since the study
	 * opened, and the worker answers the samples browser meanwhile.
	 */
	async #completeReport(): Promise<void> {
		const version = this.version;
		const complete = await (await this.#worker()).fullReport();
		// A newer study may have been opened meanwhile: never overwrite it with an older report.
		if (complete && version === this.version) {
			// For tools/measure-dashboard.ts: the complete report's phases in the worker.
			performance.mark('rl:complete-received', { detail: complete.timings });
			this.report = complete.report;
			this.intervals = true;
			this.version++;
		}
	}

	async #run(source: string, task: (remote: Remote) => Promise<Loaded>, read = 0): Promise<boolean> {
		this.busy = `Reading ${source}…`;
		try {
			const remote = await this.#worker();
			this.#accept(await task(remote), read, source);
			return true;
		} catch (e) {
			// The open study stays as it was; only the error is shown.
			this.error = { source, message: e instanceof Error ? e.message : String(e) };
			return false;
		} finally {
			this.busy = undefined;
		}
	}

	/** The files handed to a worker without copying (their buffers move there). */
	#transfer(files: FileBytes[]): FileBytes[] {
		return this.#comlink!.transfer(files, files.map((f) => f.bytes));
	}

	/** One bundle, samples or lm-eval file, or several lm-eval files (one model each), read by the worker. */
	async loadAll(files: FileBytes[], read = 0): Promise<boolean> {
		return this.#run(files.map((f) => f.name).join(' + '), async (remote) => remote.load(this.#transfer(files)), read);
	}

	async loadBytes(bytes: ArrayBuffer, name: string, read = 0): Promise<boolean> {
		return this.loadAll([{ bytes, name }], read);
	}

	async loadFile(file: File): Promise<boolean> {
		return this.loadFiles([file]);
	}

	async loadFiles(list: readonly File[]): Promise<boolean> {
		// Refused before a byte is read: a file over the cap would only fill memory (gzip is capped as it inflates).
		const { MAX_FILE_BYTES } = await import('$lib/core/study/limits');
		const big = list.find((f) => f.size > MAX_FILE_BYTES);
		if (big) {
			this.error = { source: big.name, message: `too large (${(big.size / 1e6).toFixed(0)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit); filter or split the study, then open it.` };
			return false;
		}
		this.busy = `Reading ${list.map((f) => f.name).join(', ')}…`;
		const t0 = performance.now();
		const files = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
		// Marks for tools/measure-dashboard.ts: from here to 'rl:dashboard-ready'.
		performance.mark('rl:file-read');
		return this.loadAll(files, performance.now() - t0);
	}

	#download: AbortController | undefined;
	/** True while a ?bundle= URL is downloading (the page offers Cancel). */
	downloading = $state(false);

	/** Stop the download of a bundle URL; it ends with "cancelled". */
	cancelDownload(): void {
		this.#download?.abort();
	}

	/**
	 * Fetch a bundle from a URL (any host that allows CORS); relative URLs resolve against the page.
	 * At most MAX_FILE_BYTES arrive (after any Content-Encoding), 30 s without a byte is a timeout,
	 * and cancelDownload() stops it.
	 */
	async loadUrl(url: string): Promise<boolean> {
		let absolute: string;
		try {
			absolute = new URL(url, document.baseURI).href;
		} catch {
			this.error = { source: url, message: `"${url}" is not a valid URL.` };
			return false;
		}
		this.busy = `Downloading ${url}…`;
		this.#download?.abort();
		const controller = (this.#download = new AbortController());
		this.downloading = true;
		let bytes: Uint8Array;
		try {
			const [{ fetchCapped }, { MAX_FILE_BYTES }] = await Promise.all([import('$lib/net'), import('$lib/core/study/limits')]);
			bytes = await fetchCapped(absolute, {
				maxBytes: MAX_FILE_BYTES,
				signal: controller.signal,
				onProgress: (loaded, total) => (this.busy = `Downloading ${url}: ${(loaded / 1e6).toFixed(1)}${total ? ` of ${(total / 1e6).toFixed(1)}` : ''} MB…`)
			});
		} catch (e) {
			this.busy = undefined;
			this.error = { source: url, message: `Could not download the bundle. ${e instanceof Error ? e.message : String(e)}` };
			return false;
		} finally {
			if (this.#download === controller) {
				this.#download = undefined;
				this.downloading = false;
			}
		}
		return this.loadBytes(bytes.buffer as ArrayBuffer, url);
	}

	/** A run in progress hands over its bundle (the runner calls this). */
	async setBundle(bundle: Bundle, name = 'run in progress'): Promise<boolean> {
		return this.#run(name, (remote) => remote.setBundle(bundle, name));
	}

	/** New samples of the open run; calls are coalesced so a fast runner never queues up reports. */
	async addSamples(samples: Sample[]): Promise<void> {
		this.#pending.push(...samples);
		if (this.#flushing) return;
		this.#flushing = true;
		try {
			while (this.#pending.length) {
				const batch = this.#pending;
				this.#pending = [];
				await this.#run(this.summary?.name ?? 'run in progress', (remote) => remote.addSamples(batch));
			}
		} finally {
			this.#flushing = false;
		}
	}

	dismissError(): void {
		this.error = undefined;
	}

	async rows(filter: SampleFilter): Promise<BrowserRow[]> {
		return (await this.#worker()).rows($state.snapshot(filter) as SampleFilter);
	}

	async samplesOf(problem: string): Promise<Record<string, Sample[]>> {
		return (await this.#worker()).samplesOf(problem);
	}

	async answerSpace(problem: string, model: string): Promise<AnswerMass[]> {
		return (await this.#worker()).answerSpace(problem, model);
	}

	/** The report over the problems every sampled model has samples for (see the worker), when that differs. */
	async commonReport(): Promise<{ report: Report; problems: number } | undefined> {
		return (await this.#worker()).commonReport();
	}

	async showcase(from: string, to: string): Promise<Showcase | undefined> {
		return (await this.#worker()).showcase(from, to);
	}

	async exportBundle(gzip: boolean): Promise<Uint8Array> {
		return (await this.#worker()).exportBundle(gzip);
	}
}

export const reportStore = new ReportStore();
