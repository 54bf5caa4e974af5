// Model ids enter every sample seed, so they must be stable: derived from the model's source
// (its file name), with a counter only when two models would share one.

export function modelIdFor(source: string, taken: ReadonlySet<string>): string {
	const base =
		source
			.replace(/[?#].*$/, '')
			.split('/')
			.pop()
			?.replace(/^(hf|file):/, '')
			.replace(/\.gguf$/i, '')
			.replace(/[^\w.-]+/g, '-')
			.slice(0, 40) || 'model';
	let id = base;
	for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
	return id;
}
