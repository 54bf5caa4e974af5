// The uploaded problem set as read back from this browser's storage: checked against the data
// model's schema before it is listed (a record written by another version of the app, or damaged,
// is refused in words, never listed half-read).
import '$lib/core/study/zodSetup';
import { z } from 'zod';
import { ProblemSchema } from '$lib/core/study';
import type { UploadedProblems } from '$lib/runner/storage';

const KeptSchema = z.object({
	name: z.string().min(1),
	problems: z.array(ProblemSchema).min(1),
	inUse: z.boolean(),
	savedAt: z.string()
});

/** The kept upload, `undefined` when none is kept, or an error in words when it cannot be read. */
export function keptUpload(raw: unknown): UploadedProblems | undefined | { error: string } {
	if (raw === undefined) return undefined;
	const parsed = KeptSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const name = typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string' ? ` from ${raw.name}` : '';
	return { error: `The problems uploaded earlier${name} could not be read back from this browser's storage: upload the file again.` };
}
