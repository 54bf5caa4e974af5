// Command-line tool: `npm run report -- <file>` or `npx reversal-lab report <file>` (see --help).
import { run } from './cli/main';

// Piping into `head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});

// Ctrl-C stops a `sample` run between samples (what is written stays); a second one exits at once.
const stop = new AbortController();
process.once('SIGINT', () => {
	stop.abort();
	process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await run(process.argv.slice(2), {
	out: (t) => process.stdout.write(t),
	err: (t) => process.stderr.write(t),
	tty: process.stderr.isTTY === true,
	signal: stop.signal
});
