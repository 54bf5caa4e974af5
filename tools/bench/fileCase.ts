// The file-based case of `npm run bench`: a user's real path, from a samples JSONL on disk to the
// CSV and JSON report, timed end to end in its own process (so peak memory is the report's alone).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplesFileLines, type SamplesFileOptions } from './samplesFile';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SIZE: SamplesFileOptions = { models: 5, problems: 500, n: 64, words: 120, vocabulary: 50_000, seed: 1 };
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

/** Writes the benchmark's samples JSONL once (5 x 500 x (greedy + 64), ~135 MB); later runs reuse it. */
async function samplesFile(dir: string): Promise<string> {
	const path = join(dir, 'samples-5x500x65-w120.jsonl');
	if (existsSync(path)) return path;
	mkdirSync(dir, { recursive: true });
	const out = createWriteStream(`${path}.part`);
	for (const line of samplesFileLines(SIZE)) if (!out.write(line + '\n')) await new Promise((r) => out.once('drain', r));
	await new Promise((r) => out.end(r));
	renameSync(`${path}.part`, path);
	return path;
}

interface Run {
	wallMs: number;
	cpuMs: number;
	peakMB: number;
	timings: Record<string, number>;
}

// Loaded before the CLI (old or new): CPU time and peak RSS of the whole process, worker threads included.
const RUSAGE = `data:text/javascript,process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('rusage: '+JSON.stringify({cpuMs:Math.round((c.user+c.system)/1000),peakMB:Math.round(process.resourceUsage().maxRSS/1024)})+'\\n')})`;

function node(args: string[], cwd = root): { wallMs: number; stdout: string; stderr: string } {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
	const wallMs = performance.now() - t0;
	if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
	return { wallMs, stdout: r.stdout, stderr: r.stderr };
}

function report(cli: string, file: string, out: string, extra: string[], cwd?: string): Run {
	const r = node(['--import', RUSAGE, cli, 'report', file, '--csv', `${out}.csv`, '--json', `${out}.json`, '--quiet', ...extra], cwd);
	const tagged = (tag: string) => {
		const line = r.stderr.split('\n').find((l) => l.startsWith(tag));
		return line ? (JSON.parse(line.slice(tag.length)) as Record<string, number>) : {};
	};
	const usage = tagged('rusage: ');
	return { wallMs: r.wallMs, cpuMs: usage.cpuMs ?? NaN, peakMB: usage.peakMB ?? NaN, timings: tagged('timings: ') };
}

/** The same-machine baseline: a bare loop of JSON.parse over the file's lines (read included). */
const BASELINE = `const t=performance.now();const s=require('fs').readFileSync(process.argv[1],'utf8');let n=0;for(const l of s.split('\\n'))if(l){JSON.parse(l);n++}const c=process.cpuUsage();console.log(JSON.stringify({lines:n,wallMs:performance.now()-t,cpuMs:(c.user+c.system)/1000}))`;

const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));

export async function fileCase(options: { before?: string; dir?: string; repeats?: number }): Promise<void> {
	const dir = options.dir ?? join(tmpdir(), 'reversal-lab-bench');
	const file = await samplesFile(dir);
	const mb = (statSync(file).size / 1e6).toFixed(0);
	console.log(`\nfile case: ${file} (${mb} MB; ${SIZE.models} models x ${SIZE.problems} problems x (greedy + ${SIZE.n}), ~${SIZE.words} words from a ${SIZE.vocabulary} word vocabulary)`);
	console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`);
	const cli = join(root, 'bin/reversal-lab.js');
	const threads = availableParallelism();
	for (let r = 0; r < (options.repeats ?? 1); r++) {
		const l0 = load();
		const base = JSON.parse(node(['-e', BASELINE, file]).stdout) as { wallMs: number; cpuMs: number };
		const one = report(cli, file, join(dir, 'threads-1'), ['--timings', '--threads', '1']);
		const many = report(cli, file, join(dir, `threads-${threads}`), ['--timings', '--threads', String(threads)]);
		const phases = Object.entries(one.timings)
			.filter(([k]) => !['threads', 'wallMs', 'cpuMs', 'peakMB'].includes(k))
			.map(([k, v]) => `${k} ${v}`)
			.join(', ');
		console.log(`run ${r + 1} (load average before ${l0}, after ${load()}):`);
		console.log(`  baseline, bare JSON.parse loop over the lines: ${base.wallMs.toFixed(0)} ms wall, ${base.cpuMs.toFixed(0)} ms CPU`);
		console.log(`  report --threads 1: ${one.wallMs.toFixed(0)} ms wall (${(one.wallMs / base.wallMs).toFixed(1)}x baseline), ${one.cpuMs} ms CPU (${(one.cpuMs / base.cpuMs).toFixed(1)}x), peak ${one.peakMB} MB; phases (ms wall): ${phases}`);
		console.log(`  report --threads ${threads}: ${many.wallMs.toFixed(0)} ms wall (${(many.wallMs / base.wallMs).toFixed(1)}x baseline), ${many.cpuMs} ms CPU (${(many.cpuMs / base.cpuMs).toFixed(1)}x), peak ${many.peakMB} MB`);
		console.log(`  CSV and JSON identical for 1 and ${threads} threads: ${same(join(dir, 'threads-1.csv'), join(dir, `threads-${threads}.csv`)) && same(join(dir, 'threads-1.json'), join(dir, `threads-${threads}.json`))}`);
	}
	if (options.before) {
		// The code as it was at a commit, unpacked beside (git archive: no worktree, no checkout), sharing node_modules.
		const old = join(dir, `before-${options.before}`);
		if (!existsSync(old)) {
			mkdirSync(old, { recursive: true });
			const tar = spawnSync('sh', ['-c', `git archive ${options.before} | tar -x -C ${old}`], { cwd: root, encoding: 'utf8' });
			if (tar.status !== 0) throw new Error(`git archive ${options.before}: ${tar.stderr}`);
			symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'));
		}
		const l0 = load();
		const was = report(join(old, 'bin/reversal-lab.js'), file, join(dir, 'before'), [], old);
		console.log(`before (${options.before}), load average before ${l0}, after ${load()}: ${was.wallMs.toFixed(0)} ms wall, ${was.cpuMs} ms CPU, peak ${was.peakMB} MB`);
		console.log(`  CSV and JSON identical to ${options.before}'s: ${same(join(dir, 'before.csv'), join(dir, 'threads-1.csv')) && same(join(dir, 'before.json'), join(dir, 'threads-1.json'))}`);
	}
	console.log(`goals: <= 5000 ms wall, <= 1024 MB peak on this 2-core machine (wall above CPU / threads means other processes shared the cores)`);
}
