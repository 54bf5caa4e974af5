// Where a page's CPU time went, per thread, from a Chromium trace recorded with the
// 'disabled-by-default-v8.cpu_profiler' category (tools/measure-dashboard.ts --profile): the V8
// sampling profiler's chunks give each sample's function, so the page's workers show up too, which
// a CDP session on the page alone would not profile.

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	id?: string;
	/** Wall and thread (CPU) microseconds of a complete ('X') event. */
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}

interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url?: string; lineNumber: number };
}

export interface ThreadProfile {
	thread: string;
	/** Sampled milliseconds, idle excluded (wall time: a thread waiting for a core counts too). */
	busyMs: number;
	/** The thread's CPU time in its top-level tasks, from the trace's 'toplevel' category. */
	cpuMs: number;
	/** Functions by self time, longest first. */
	top: { name: string; ms: number }[];
}

/** Self time per function for each profiled thread, busiest thread first. */
export function traceProfile(events: readonly TraceEvent[], topN = 12): ThreadProfile[] {
	const threadNames = new Map<string, string>();
	const cpu = new Map<string, number>();
	for (const e of events) {
		if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
		if (e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.tdur !== undefined) {
			cpu.set(`${e.pid}:${e.tid}`, (cpu.get(`${e.pid}:${e.tid}`) ?? 0) + e.tdur / 1000);
		}
	}
	// A profile's chunks share its id (within its process); their nodes arrive incrementally.
	const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode>; self: Map<number, number> }>();
	for (const e of events) {
		if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
		const key = `${e.pid}:${e.id}`;
		let p = profiles.get(key);
		if (!p) profiles.set(key, (p = { thread: `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() }));
		const data = e.args?.data;
		for (const node of data?.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
		const samples = data?.cpuProfile?.samples ?? [];
		const deltas = data?.timeDeltas ?? [];
		samples.forEach((id, i) => p.self.set(id, (p.self.get(id) ?? 0) + Math.max(0, deltas[i] ?? 0) / 1000));
	}
	const out: ThreadProfile[] = [];
	for (const p of profiles.values()) {
		const byName = new Map<string, number>();
		let busy = 0;
		for (const [id, ms] of p.self) {
			const frame = p.nodes.get(id)?.callFrame;
			const name = frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop() ?? ''}:${frame.lineNumber + 1}` : '?';
			if (frame?.functionName === '(idle)' || frame?.functionName === '(program)') continue;
			busy += ms;
			byName.set(name, (byName.get(name) ?? 0) + ms);
		}
		const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([name, ms]) => ({ name, ms }));
		if (busy > 50) out.push({ thread: `${threadNames.get(p.thread) ?? 'thread'} ${p.thread}`, busyMs: busy, cpuMs: cpu.get(p.thread) ?? NaN, top });
	}
	return out.sort((a, b) => b.busyMs - a.busyMs);
}
