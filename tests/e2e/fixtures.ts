// The `test` every end-to-end test uses: it fails the test on any request that leaves localhost,
// on any uncaught page error (workers' included), on any dialog (alert/confirm) the page opens, and
// on any Content-Security-Policy violation (the page's securitypolicyviolation events, and the
// browser's "Refused to ..." console reports from pages and workers).
import { test as base, expect } from '@playwright/test';

const LOCAL = /^(https?|wss?):\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//;
const INERT = /^(data|blob|about|chrome-extension|chrome):/;

export interface Guard {
	offsite: string[];
	pageErrors: string[];
	dialogs: string[];
	cspViolations: string[];
	/** Errors a test expects (matched by substring) are not counted as failures. */
	allowPageError(fragment: string): void;
}

export const test = base.extend<{ guard: Guard }>({
	guard: async ({ context }, use) => {
		const allowed: string[] = [];
		const guard: Guard = {
			offsite: [],
			pageErrors: [],
			dialogs: [],
			cspViolations: [],
			allowPageError: (fragment) => void allowed.push(fragment)
		};
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (LOCAL.test(url) || INERT.test(url)) return route.continue();
			guard.offsite.push(url);
			return route.abort('blockedbyclient');
		});
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) =>
				console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`)
			);
		});
		context.on('page', (page) => watch(page, guard));
		await use(guard);
		const unexpected = guard.pageErrors.filter((e) => !allowed.some((a) => e.includes(a)));
		expect(guard.offsite, 'requests that left localhost').toEqual([]);
		expect(unexpected, 'uncaught errors in the page').toEqual([]);
		expect(guard.dialogs, 'dialogs opened by the page').toEqual([]);
		expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([]);
	},
	page: async ({ page, guard }, use) => {
		watch(page, guard);
		await use(page);
	}
});

const watched = new WeakSet<object>();
function watch(page: import('@playwright/test').Page, guard: Guard) {
	if (watched.has(page)) return;
	watched.add(page);
	page.on('pageerror', (e) => guard.pageErrors.push(String(e)));
	const csp = (m: import('@playwright/test').ConsoleMessage) => {
		const text = m.text();
		if (text.startsWith('[csp-violation]') || /Content Security Policy/i.test(text)) guard.cspViolations.push(`${page.url()}: ${text}`);
	};
	page.on('console', csp);
	page.on('worker', (w) => w.on('console', csp));
	page.on('dialog', (d) => {
		guard.dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
}

export { expect };
