// Command-line tool: `npm run report -- <file>` or `npx reversal-lab report <file>` (see --help).
import { run } from './cli/main';

process.exitCode = run(process.argv.slice(2), {
	out: (t) => process.stdout.write(t),
	err: (t) => process.stderr.write(t)
});
