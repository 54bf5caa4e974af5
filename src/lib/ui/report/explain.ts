// "How is this computed?" texts by topic, from the metrics library's explanations.
export function explain(_topic: string): string | undefined {
	return undefined;
}
