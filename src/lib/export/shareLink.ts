// The share link of a study configuration and its reading back; the codec (and its schema
// library) loads only when a link is made or opened.
import type { ModelRef, StudyConfig } from '$lib/core/types';

/** `${pageUrl}#s2.<compressed configuration and models>`. */
export async function shareLink(study: StudyConfig, pageUrl: string, models: readonly ModelRef[] = []): Promise<string> {
	const { encodeStudyConfig } = await import('$lib/core/study/shareCodec');
	const url = new URL(pageUrl);
	url.hash = encodeStudyConfig(study, models);
	return url.href;
}

export type SharedStudy = { ok: true; config: StudyConfig; models: ModelRef[]; hash: string } | { ok: false; message: string };

/** The configuration in a URL hash, validated (never executed); undefined when the hash holds none. */
export async function readSharedStudy(hash: string): Promise<SharedStudy | undefined> {
	const text = hash.replace(/^#/, '');
	if (!/^s\d+\./.test(text)) return undefined;
	const [{ decodeStudyConfig }, { formatIssues }] = await Promise.all([import('$lib/core/study/shareCodec'), import('$lib/core/study/errors')]);
	const result = decodeStudyConfig(text);
	return result.ok ? { ok: true, config: result.config, models: result.models, hash: text } : { ok: false, message: formatIssues(result.errors, result.omitted) };
}
