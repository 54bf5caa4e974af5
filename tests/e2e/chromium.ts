import { existsSync } from 'node:fs';

/** Chromium for the end-to-end tests: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else an installed Chrome. */
export function chromiumPath(): string {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable'
	].filter((p): p is string => !!p);
	const found = candidates.find((p) => existsSync(p));
	if (!found) {
		throw new Error(
			`No Chromium found (looked in ${candidates.join(', ')}). Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`
		);
	}
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
