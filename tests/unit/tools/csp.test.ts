import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directives, headerPolicy } from '../../../tools/csp.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the Content-Security-Policy (tools/csp.js)', () => {
	it('pages run scripts only from the site (hashed inline ones) and WebAssembly: no eval, no blob: scripts', () => {
		expect(directives['script-src']?.some((v) => v === 'unsafe-eval' || v === 'unsafe-inline' || v === 'blob:')).toBe(false);
	});

	it('headerPolicy() (which also governs the workers) has no plugins and no foreign base', () => {
		const policy = headerPolicy();
		expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline' 'unsafe-eval' blob:");
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("base-uri 'self'");
		expect(policy).toContain("worker-src 'self' blob:");
	});

	it('the page policy admits app.html’s inline theme script by its hash, and no inline script otherwise', async () => {
		const { createHash } = await import('node:crypto');
		const html = readFileSync(join(root, 'src', 'app.html'), 'utf8');
		const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}`);
		expect(inline.length).toBeGreaterThan(0);
		const scripts = directives['script-src'];
		expect(scripts).toEqual(['self', 'wasm-unsafe-eval', ...inline]);
	});

	it('static/_headers (for static hosts) sends the same policy as tools/serve.js', () => {
		const headers = readFileSync(join(root, 'static', '_headers'), 'utf8');
		expect(headers).toContain(`  Content-Security-Policy: ${headerPolicy()}\n`);
		expect(readFileSync(join(root, 'tools', 'serve.js'), 'utf8')).toContain("'Content-Security-Policy': headerPolicy()");
	});
});
