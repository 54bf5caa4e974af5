import { choiceLetters } from './choiceLetters';
import { extractChoice } from './extractChoice';

/** The letter of a multiple-choice gold answer given as a letter ("B", "(B)") or as the option's text. */
export function goldChoice(gold: string, choices?: readonly string[]): string | null {
	const g = gold.trim();
	const letters = choiceLetters(choices);
	const m = /^\(?([A-Za-z])\)?[.:]?$/.exec(g);
	if (m?.[1] && letters.includes(m[1].toUpperCase())) return m[1].toUpperCase();
	if (choices) {
		const i = choices.findIndex((c) => c.trim().toLowerCase() === g.toLowerCase());
		if (i >= 0) return String.fromCharCode(65 + i);
	}
	if (/^\d+$/.test(g) && choices && Number(g) < choices.length) return String.fromCharCode(65 + Number(g));
	return extractChoice(g, choices);
}
