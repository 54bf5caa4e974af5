/** The tokenizer paragraph every lexical metric's explanation repeats. */
export const TOKENIZER_TEXT =
	'Tokens come from one tokenizer shared by every lexical metric: lower-cased runs of Unicode letters, marks and digits (a "." or "," between two digits stays inside a number, so 1,200.50 is one token), and every other non-space character as a token of its own (so <<48/2=24>> gives < < 48 / 2 = 24 > >).';
