/** A model id from a file name: "samples_gsm8k_2024-05-01.jsonl.gz" -> "samples_gsm8k_2024-05-01". */
export function modelFromName(name: string | undefined): string {
	const base = (name ?? '').split(/[\\/]/).pop() ?? '';
	return base.replace(/\.(jsonl|json)(\.gz)?$/i, '') || 'model';
}
