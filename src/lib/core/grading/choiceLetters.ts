/** The option letters a problem allows: one per listed choice, else A-E. */
export function choiceLetters(choices: readonly string[] | undefined): string[] {
	const count = choices && choices.length > 0 ? Math.min(choices.length, 26) : 5;
	return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
}
