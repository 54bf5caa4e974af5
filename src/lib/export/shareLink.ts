// The share link of a study configuration and its reading back; the codec (and its schema
// library) loads only when a link is made or opened.
import type { StudyConfig } from '$lib/core/types';

/** `${pageUrl}#s1.<compressed configuration>`. */
export async function shareLink(study: StudyConfig, pageUrl: string): Promise<string> {
	const { encodeStudyConfig } = await import('$lib/core/study/shareCodec');
	const url = new URL(pageUrl);
	url.hash = encodeStudyConfig(study);
	return url.href;
}

export type SharedStudy = { ok: true; config: StudyConfig; hash: string } | { ok: false; message: string };

/** The configuration in a URL hash, validated (never executed); undefined when the hash holds none. */
export async function readSharedStudy(hash: string): Promise<SharedStudy | undefined> {
	const text = hash.replace(/^#/, '');
	if (!/^s\d+\./.test(text)) return undefined;
	const [{ decodeStudyConfig }, { formatIssues }] = await Promise.all([import('$lib/core/study/shareCodec'), import('$lib/core/study/errors')]);
	const result = decodeStudyConfig(text);
	return result.ok ? { ok: true, config: result.config, hash: text } : { ok: false, message: formatIssues(result.errors, result.omitted) };
}
