// Command-line tool: `npm run report -- <file>` or `npx reversal-lab report <file>` (see --help).
import { run } from './cli/main';

// Piping into `head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});

process.exitCode = await run(process.argv.slice(2), {
	out: (t) => process.stdout.write(t),
	err: (t) => process.stderr.write(t)
});
