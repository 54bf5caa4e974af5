// A run's status that storage could not take: with the disk full, IndexedDB refuses even the
// study's small status record, so the page keeps it in localStorage (outside the storage quota
// in Chromium and Firefox) until a newer status is stored. The list of studies reads it back, so
// after a reload a study paused by a full disk is listed as paused, with the reason.
import type { SerializedError } from '$lib/engines/errors';
import type { RunStatus, StudySummary } from '$lib/runner/types';

const PREFIX = 'rl-run-status:';
const STATUSES: readonly RunStatus[] = ['new', 'running', 'paused', 'done', 'cancelled', 'error'];

interface StatusNote {
	status: RunStatus;
	error?: SerializedError;
	at: string;
}

function read(id: string): StatusNote | undefined {
	try {
		const v = JSON.parse(localStorage.getItem(PREFIX + id) ?? 'null') as Partial<StatusNote> | null;
		if (!v || !STATUSES.includes(v.status as RunStatus) || typeof v.at !== 'string') return undefined;
		const e = v.error;
		const error = e && typeof e.message === 'string' && typeof e.code === 'string' && typeof e.name === 'string' ? e : undefined;
		return { status: v.status as RunStatus, at: v.at, ...(error ? { error } : {}) };
	} catch {
		return undefined;
	}
}

/** Keeps the status the runner could not store. */
export function noteStatus(id: string, status: RunStatus, error: SerializedError | undefined): void {
	try {
		localStorage.setItem(PREFIX + id, JSON.stringify({ status, ...(error ? { error } : {}), at: new Date().toISOString() }));
	} catch {
		/* localStorage unavailable: the list shows the stored status */
	}
}

export function clearStatusNote(id: string): void {
	try {
		localStorage.removeItem(PREFIX + id);
	} catch {
		/* nothing kept */
	}
}

/** The stored summaries with any newer kept status in place of theirs (older notes are dropped). */
export function withStatusNotes(studies: StudySummary[]): StudySummary[] {
	return studies.map((s) => {
		const note = read(s.id);
		if (!note) return s;
		if (note.at < s.updatedAt) {
			clearStatusNote(s.id);
			return s;
		}
		const { error: _stored, ...rest } = s;
		return { ...rest, status: note.status, ...(note.error ? { error: note.error } : {}) };
	});
}
