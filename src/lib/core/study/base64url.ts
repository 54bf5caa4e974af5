const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes as unpadded base64url (RFC 4648 section 5): safe in a URL hash without escaping. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] as number;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
		if (b !== undefined) out += ALPHABET[(n >> 6) & 63]!;
		if (c !== undefined) out += ALPHABET[n & 63]!;
	}
	return out;
}

/** The bytes of unpadded base64url text, or undefined when a character is outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array | undefined {
	const s = text.replace(/=+$/, '');
	if (s.length % 4 === 1) return undefined;
	const out = new Uint8Array(Math.floor((s.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < s.length; i += 4) {
		let n = 0;
		let k = 0;
		for (; k < 4 && i + k < s.length; k++) {
			const v = LOOKUP.get(s[i + k] as string);
			if (v === undefined) return undefined;
			n |= v << (18 - 6 * k);
		}
		out[o++] = (n >> 16) & 255;
		if (k > 2) out[o++] = (n >> 8) & 255;
		if (k > 3) out[o++] = n & 255;
	}
	return out.subarray(0, o);
}
