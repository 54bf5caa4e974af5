#!/usr/bin/env node
// The package's command (`npx reversal-lab report <file>`): the TypeScript of tools/cli.ts and
// src/lib/core runs as is, on the same code as the app. esbuild bundles it into one file (and one
// for the worker threads), built on the first run and again whenever one of its source files
// changes, kept in node_modules/.reversal-lab-cli/: loading the ~1,000 modules of the import graph
// (most of them mathjs's) one by one through tsx's loader cost 2-3 s of CPU on every run, the
// bundle about 0.1 s. Without esbuild, or without a writable node_modules, tsx's loader as before.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Two folders below the root, like tools/cli: the sources' `new URL('../../static/...', import.meta.url)`
// resolve to the same files from the bundle; `./groupStatsWorker.js` is the workers' bundle beside it.
const dir = join(root, 'node_modules', '.reversal-lab-cli');
const ENTRIES = { cli: 'tools/cli.ts', groupStatsWorker: 'tools/cli/groupStatsThread.ts' };
// Besides the bundled files, what changes how they are compiled.
const SETTINGS = ['package.json', 'tsconfig.json', 'bin/reversal-lab.js'];

/** Whether the bundle was built from the files as they are now (same size and modification time). */
function fresh() {
	try {
		const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
		for (const [path, mtimeMs, size] of inputs) {
			const s = statSync(join(root, path));
			if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
		}
		return existsSync(join(dir, 'cli.js')) && existsSync(join(dir, 'groupStatsWorker.js'));
	} catch {
		return false;
	}
}

async function build() {
	const { build: esbuild } = await import('esbuild');
	const started = Date.now();
	const tmp = `${dir}.${process.pid}.tmp`;
	try {
		await bundle(esbuild, tmp, started);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

async function bundle(esbuild, tmp, started) {
	const result = await esbuild({
		absWorkingDir: root,
		entryPoints: ENTRIES,
		outdir: tmp,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: `node${process.versions.node.split('.')[0]}`,
		metafile: true,
		logLevel: 'silent',
		// Bundled CommonJS packages may require Node's own modules.
		banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" }
	});
	const inputs = [...Object.keys(result.metafile.inputs), ...SETTINGS].map((path) => {
		const s = statSync(join(root, path));
		return [path, s.mtimeMs, s.size];
	});
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
	for (const name of Object.keys(ENTRIES)) renameSync(join(tmp, `${name}.js`), join(dir, `${name}.js`));
	// A file changed while it was being bundled: use this bundle once, build again next time.
	if (inputs.every(([, mtimeMs]) => mtimeMs < started)) writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs));
	else rmSync(join(dir, 'inputs.json'), { force: true });
}

let bundled = fresh();
if (!bundled) {
	try {
		await build();
		bundled = true;
	} catch {
		bundled = false;
	}
}
if (bundled) await import(pathToFileURL(join(dir, 'cli.js')).href);
else {
	const { register } = await import('tsx/esm/api');
	register();
	await import('../tools/cli.ts');
}
