import { strToU8 } from 'fflate';

// The preset deflate dictionary of share format "s2": the keys and usual values of a StudyConfig,
// so a typical link is ~100 characters instead of ~340. FROZEN: changing one byte breaks every s2
// link ever shared; a new dictionary needs a new prefix ("s3.") and s2 must stay decodable.
const S2_TEXT =
	'{"id":"","name":"","seed":0,"sampling":{"n":16,"greedy":true,"temperature":0.7,"topP":0.95,"maxTokens":512},' +
	'"prompt":{"style":"zero-shot-cot","form":"chat","text":"Question: {question}\\nLet\'s think step by step. few-shot-cot raw completion {exemplars}"},' +
	'"extractor":"auto","problemSet":{"source":"builtin","id":"offline","seed":1,"count":100},"reference":"M1"}' +
	' gsm8k-strict flexible answer-is boxed choice huggingface upload import paper gsm8k math';

let dictionary: Uint8Array | undefined;

/** The s2 dictionary's bytes (built once). */
export function shareDictionary(): Uint8Array {
	dictionary ??= strToU8(S2_TEXT);
	return dictionary;
}
