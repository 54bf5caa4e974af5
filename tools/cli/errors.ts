/** Exit codes of the command-line tool (documented in the README). */
export const EXIT = {
	ok: 0,
	/** The input file was read but is not a valid bundle / samples file. */
	invalidInput: 1,
	/** Wrong command line: unknown option, missing file, bad option value. */
	usage: 2,
	/** A file could not be read or written. */
	io: 3,
	/** sample: the server failed (after retries); every sample written so far is kept. */
	server: 4,
	/** sample: stopped (Ctrl-C); rerun to resume. */
	stopped: 130
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as one clear message and an exit code, never as a stack trace. */
export class CliError extends Error {
	override name = 'CliError';
	constructor(
		message: string,
		readonly exitCode: ExitCode
	) {
		super(message);
	}
}
