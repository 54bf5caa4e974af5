/** One array holding the chunks one after another (a stream's parts, once it has ended). */
export function concatBytes(chunks: readonly Uint8Array[], total = chunks.reduce((s, c) => s + c.byteLength, 0)): Uint8Array {
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
