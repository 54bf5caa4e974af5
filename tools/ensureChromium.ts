// npm test's first step (the "pretest" script): make sure the end-to-end tests have a Chromium.
// Found (tests/e2e/chromium.ts): say which. Missing: on Debian as root, install the distribution's
// package with apt-get (what CI does); elsewhere, Playwright's own build ("npx playwright install
// chromium", the ecosystem's way; on Ubuntu as root "--with-deps" also installs its libraries).
// RL_NO_BROWSER_INSTALL=1, or an install that fails: stop and print the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromiumCandidates, findChromium } from '../tests/e2e/chromium';

const run = (cmd: string, args: string[]): boolean => {
	console.log(`$ ${cmd} ${args.join(' ')}`);
	return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
};
const osId = (): string => {
	try {
		return /^ID=(.*)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]?.replace(/"/g, '') ?? '';
	} catch {
		return '';
	}
};

const root = process.getuid?.() === 0;
const os = osId();
const apt = os === 'debian' && existsSync('/usr/bin/apt-get');
// Ubuntu's "chromium" package is a snap, which does not run in containers: there, Playwright's build.
const deps = root && (os === 'ubuntu' || os === 'debian') ? ['--with-deps'] : [];

function install(): boolean {
	if (apt && root) return run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']);
	return run('npx', ['playwright', 'install', ...deps, 'chromium']);
}

/** The one command to run on this machine. */
const command = apt ? `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y chromium` : `npx playwright install ${deps.join(' ')} chromium`.replace('  ', ' ');

let found = findChromium();
if (!found && process.env.RL_NO_BROWSER_INSTALL !== '1') {
	console.log('No Chromium for the end-to-end tests: installing one.');
	if (install()) found = findChromium();
}
if (found) {
	console.log(`Chromium for the end-to-end tests: ${found}`);
} else {
	console.error(`No Chromium found for the end-to-end tests (looked in ${chromiumCandidates().join(', ')}). Run:\n\n    ${command}\n\nthen "npm test" again (or set CHROMIUM_PATH to a Chromium or Chrome).`);
	process.exit(1);
}
