import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where a Chromium is looked for: $CHROMIUM_PATH, Debian's and Ubuntu's, Chrome, then Playwright's own download. */
export function chromiumCandidates(): string[] {
	let playwright: string | undefined;
	try {
		playwright = chromium.executablePath();
	} catch {
		playwright = undefined;
	}
	return [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable',
		playwright
	].filter((p): p is string => !!p);
}

export const findChromium = (): string | undefined => chromiumCandidates().find((p) => existsSync(p));

/** The one command that installs a Chromium on this machine, for messages. */
export const INSTALL_HINT =
	'On Debian as root: "apt-get install -y chromium"; anywhere else: "npx playwright install chromium" (Linux without its libraries: "npx playwright install --with-deps chromium"); or set CHROMIUM_PATH to a Chromium or Chrome.';

/** Chromium for the end-to-end tests (npm test's pretest step, tools/ensureChromium.ts, installs one when missing). */
export function chromiumPath(): string {
	const found = findChromium();
	if (!found) throw new Error(`No Chromium found (looked in ${chromiumCandidates().join(', ')}). ${INSTALL_HINT}`);
	return found;
}

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--enable-unsafe-webgpu'
];
