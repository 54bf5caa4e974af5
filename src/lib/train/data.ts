// What the tiny models read and write: the prompt format, tokenisation through the GGUF's own
// character vocabulary, and strict GSM8K grading ('#### <number>').
import { charVocab } from '../gguf';

export const VOCAB = charVocab();

/** The completion prompt the family is trained on (and the app must use for it). */
export const PROMPT_TEMPLATE = 'Q: {question}\nA: ';

export function promptOf(question: string): string {
	return PROMPT_TEMPLATE.replace('{question}', question);
}

export interface Example {
	/** Token ids of prompt + completion + end-of-text. */
	tokens: number[];
	/** Next-token targets: -1 on the prompt (no loss), the next id on the completion. */
	target: number[];
}

export function exampleOf(question: string, completion: string): Example {
	const p = VOCAB.encode(promptOf(question));
	const c = [...VOCAB.encode(completion), VOCAB.eosId];
	const tokens = [...p, ...c];
	const target = tokens.map((_, i) => (i + 1 < p.length || i + 1 >= tokens.length ? -1 : tokens[i + 1]!));
	// The last position predicts nothing; drop it so the sequence ends on the last input we need.
	return { tokens: tokens.slice(0, -1), target: target.slice(0, -1) };
}

/** The number after the first '####', or null: the paper's strict extraction. */
export function extractAnswer(text: string): string | null {
	const m = /####\s*(-?[\d,]*\.?\d+)/.exec(text);
	return m ? m[1]!.replace(/,/g, '') : null;
}

export function isCorrect(text: string, gold: string): boolean {
	const a = extractAnswer(text);
	return a !== null && Number(a) === Number(gold);
}
