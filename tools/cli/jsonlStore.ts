// The runner's storage for the command line: samples are lines of a samples JSONL file, appended
// the moment each is graded; the study lives in memory. Reopening the file gives the samples done,
// so a killed run resumes with only the missing ones and nothing is written twice.
import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { sampleKey, type Problem, type Sample } from '../../src/lib/core/types';
import type { RunStore } from '../../src/lib/runner/storage';
import type { StoredStudy, StudySummary } from '../../src/lib/runner/types';
import { CliError, EXIT } from './errors';

/** One samples JSONL line (README "Samples JSONL"), with the problem's gold and tags so the file stands alone. */
export function sampleLine(s: Sample, p: Problem, label: string): Record<string, unknown> {
	return {
		model: label,
		problem_id: s.problem,
		sample_index: s.index,
		text: s.text,
		gold: p.answer,
		question: p.question,
		split: p.split,
		...(p.level !== undefined ? { level: p.level } : {}),
		...(p.subject !== undefined ? { subject: p.subject } : {}),
		answer_type: p.answerType,
		...(p.choices ? { choices: p.choices } : {}),
		correct: s.correct,
		answer: s.answer,
		seed: s.seed,
		tokens: s.tokens,
		ms: s.ms,
		...(s.finish ? { finish: s.finish } : {})
	};
}

export class JsonlRunStore implements RunStore {
	#study: StoredStudy | undefined;
	#done = new Set<string>();
	#problems: Map<string, Problem>;
	/** Lines found in the file when it was opened. */
	readonly existing: number;
	/** Bytes of a last line cut short by a kill, removed on opening. */
	readonly truncatedBytes: number;

	constructor(
		readonly path: string,
		study: StoredStudy,
		/** The seed each (model, problem, index) must have: a line with another was written by other settings. */
		seedOf: (model: string, problem: string, index: number) => number | undefined
	) {
		this.#study = study;
		this.#problems = new Map(study.problems.map((p) => [p.id, p]));
		const model = study.models[0];
		let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
		let truncated = 0;
		if (text.length && !text.endsWith('\n')) {
			// A run killed while writing its last line: drop the partial line, keep the rest.
			const keep = text.lastIndexOf('\n') + 1;
			truncated = Buffer.byteLength(text.slice(keep));
			truncateSync(path, Buffer.byteLength(text.slice(0, keep)));
			text = text.slice(0, keep);
		}
		this.truncatedBytes = truncated;
		let count = 0;
		text.split('\n').forEach((raw, i) => {
			if (!raw.trim()) return;
			let line: { model?: unknown; problem_id?: unknown; sample_index?: unknown; seed?: unknown };
			try {
				line = JSON.parse(raw) as typeof line;
			} catch {
				throw new CliError(`${path}: line ${i + 1} is not JSON: this file was not written by reversal-lab sample; use another --out.`, EXIT.invalidInput);
			}
			const m = String(line.model);
			const p = String(line.problem_id);
			const index = Number(line.sample_index);
			if (m !== model?.label) throw new CliError(`${path}: line ${i + 1} is a sample of model "${m}", not "${model?.label}": use another --out for another model.`, EXIT.usage);
			const expected = seedOf(model.id, p, index);
			if (expected === undefined) throw new CliError(`${path}: line ${i + 1} is of problem "${p}" index ${index}, which this run does not plan: the file was written with other problems or n; use the same options or another --out.`, EXIT.usage);
			if (line.seed !== expected) throw new CliError(`${path}: line ${i + 1} has seed ${String(line.seed)} where these settings give ${expected}: it was written with another --seed or --model; use the same options or another --out.`, EXIT.usage);
			const key = sampleKey({ model: model.id, problem: p, index });
			if (this.#done.has(key)) throw new CliError(`${path}: line ${i + 1} repeats sample ${p} #${index}.`, EXIT.invalidInput);
			this.#done.add(key);
			count++;
		});
		this.existing = count;
	}

	async putStudy(s: StoredStudy): Promise<void> {
		this.#study = structuredClone(s);
	}
	async getStudy(): Promise<StoredStudy | undefined> {
		return structuredClone(this.#study);
	}
	async listStudies(): Promise<StudySummary[]> {
		return [];
	}
	async deleteStudy(): Promise<void> {}
	async putSample(_study: string, s: Sample): Promise<void> {
		const key = sampleKey(s);
		if (this.#done.has(key)) return;
		const label = this.#study?.models.find((m) => m.id === s.model)?.label ?? s.model;
		const problem = this.#problems.get(s.problem) as Problem;
		try {
			appendFileSync(this.path, JSON.stringify(sampleLine(s, problem, label)) + '\n');
		} catch (e) {
			throw new CliError(`${this.path}: cannot write the sample (${(e as NodeJS.ErrnoException).code ?? String(e)}); samples written so far are kept: rerun to resume.`, EXIT.io);
		}
		this.#done.add(key);
	}
	async getSamples(): Promise<Sample[]> {
		return [];
	}
	async doneKeys(_study?: string): Promise<Set<string>> {
		return new Set(this.#done);
	}
	async putFile(): Promise<void> {}
	async getFile(): Promise<Blob | undefined> {
		return undefined;
	}
}
