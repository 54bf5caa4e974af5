// A character-level vocabulary for llama.cpp's `gpt2` tokenizer with no merges: every token is
// one character, so tokenisation is trivial and identical in the trainer and in llama.cpp.
// gpt2 tokens are written through GPT-2's byte-to-unicode table: printable ASCII maps to itself,
// space to 'Ġ' (U+0120) and newline to 'Ċ' (U+010A). Characters outside the vocabulary are
// dropped silently by llama.cpp, so `encode` drops them too, keeping both sides in step.

export const EOS_TEXT = '<|endoftext|>';

/** llama.cpp's token types (llama_token_type). */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface CharVocab {
	/** Tokens as written into the GGUF (gpt2 byte-level spelling). */
	tokens: string[];
	/** llama.cpp token types, parallel to `tokens`. */
	tokenTypes: number[];
	/** The characters each token stands for ('' for the end-of-text token). */
	chars: string[];
	eosId: number;
	/** gpt2 vocabularies have no separate BOS; llama.cpp needs an id, and add_bos_token is false. */
	bosId: number;
	size: number;
	/** Token id of a character, or undefined when it is not in the vocabulary. */
	idOf(char: string): number | undefined;
	encode(text: string): number[];
	decode(ids: readonly number[]): string;
}

/** The spelling GPT-2's byte-level BPE gives one ASCII character. */
function gpt2Spelling(char: string): string {
	if (char === ' ') return '\u0120';
	if (char === '\n') return '\u010a';
	return char;
}

/**
 * The character vocabulary: newline, then printable ASCII from space (0x20) to '~' (0x7e), then
 * the end-of-text control token. Ids are stable: 0 = '\n', 1 = ' ', ..., 95 = '~', 96 = EOS.
 */
export function charVocab(): CharVocab {
	const chars: string[] = ['\n'];
	for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
	const tokens = chars.map(gpt2Spelling);
	const tokenTypes: number[] = chars.map(() => TOKEN_TYPE.normal);
	const eosId = chars.length;
	chars.push('');
	tokens.push(EOS_TEXT);
	tokenTypes.push(TOKEN_TYPE.control);
	const index = new Map<string, number>();
	chars.forEach((c, i) => {
		if (c !== '') index.set(c, i);
	});
	return {
		tokens,
		tokenTypes,
		chars,
		eosId,
		bosId: eosId,
		size: tokens.length,
		idOf: (char) => index.get(char),
		encode: (text) => {
			const ids: number[] = [];
			for (const ch of text) {
				const id = index.get(ch);
				if (id !== undefined) ids.push(id);
			}
			return ids;
		},
		decode: (ids) => ids.map((id) => chars[id] ?? '').join('')
	};
}
