// The sentence embedder end to end: transformers.js and ONNX Runtime Web in a real worker. The Hub
// is faked by page.route answering the real URLs with a tiny model this test writes (a BERT-shaped
// ONNX graph: token embedding lookup), so the real download, cache and pooling path runs offline.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'cat', 'sat', 'on', 'mat', 'a', 'stock', 'prices', 'fell', 'sharply', 'today'];
const D = 8;
const HUB = 'https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/main/';

/** Deterministic embedding table (V x D). */
function table(): Float32Array {
	const t = new Float32Array(VOCAB.length * D);
	let s = 12345;
	for (let i = 0; i < t.length; i++) {
		s = (s * 1103515245 + 12345) % 2147483648;
		t[i] = s / 2147483648 - 0.5;
	}
	return t;
}

// Minimal protobuf writer for the ONNX ModelProto fields used here.
function varint(n: number): number[] {
	const out: number[] = [];
	while (n > 127) {
		out.push((n & 127) | 128);
		n = Math.floor(n / 128);
	}
	out.push(n);
	return out;
}
const num = (field: number, v: number) => [...varint(field * 8), ...varint(v)];
const bytes = (field: number, b: ArrayLike<number>) => [...varint(field * 8 + 2), ...varint(b.length), ...Array.from(b)];
const str = (field: number, s: string) => bytes(field, new TextEncoder().encode(s));

function tensorType(elem: number, dims: (string | number)[]): number[] {
	const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? num(1, d) : str(2, d)));
	return bytes(1, [...num(1, elem), ...bytes(2, shape)]);
}
function valueInfo(name: string, elem: number, dims: (string | number)[]): number[] {
	return [...str(1, name), ...bytes(2, tensorType(elem, dims))];
}

function onnxModel(): Uint8Array {
	const emb = table();
	const node = [...str(1, 'emb'), ...str(1, 'input_ids'), ...str(2, 'last_hidden_state'), ...str(3, 'lookup'), ...str(4, 'Gather')];
	const init = [...num(1, VOCAB.length), ...num(1, D), ...num(2, 1), ...str(8, 'emb'), ...bytes(9, new Uint8Array(emb.buffer))];
	const graph = [
		...bytes(1, node),
		...str(2, 'tiny-embedder'),
		...bytes(5, init),
		...bytes(11, valueInfo('input_ids', 7, ['batch', 'seq'])),
		...bytes(12, valueInfo('last_hidden_state', 1, ['batch', 'seq', D]))
	];
	const model = [...num(1, 8), ...str(2, 'reversal-lab-test'), ...bytes(7, graph), ...bytes(8, [...str(1, ''), ...num(2, 13)])];
	return new Uint8Array(model);
}

const tokenizer = {
	version: '1.0',
	truncation: null,
	padding: null,
	added_tokens: VOCAB.slice(0, 5).map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
	normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
	pre_tokenizer: { type: 'BertPreTokenizer' },
	post_processor: {
		type: 'TemplateProcessing',
		single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
		pair: [
			{ SpecialToken: { id: '[CLS]', type_id: 0 } },
			{ Sequence: { id: 'A', type_id: 0 } },
			{ SpecialToken: { id: '[SEP]', type_id: 0 } },
			{ Sequence: { id: 'B', type_id: 1 } },
			{ SpecialToken: { id: '[SEP]', type_id: 1 } }
		],
		special_tokens: {
			'[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
			'[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] }
		}
	},
	decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
	model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((w, i) => [w, i])) }
};

const files: Record<string, { body: Buffer; type: string }> = {
	'config.json': { body: Buffer.from(JSON.stringify({ model_type: 'bert', hidden_size: D, vocab_size: VOCAB.length, architectures: ['BertModel'] })), type: 'application/json' },
	'tokenizer.json': { body: Buffer.from(JSON.stringify(tokenizer)), type: 'application/json' },
	'tokenizer_config.json': { body: Buffer.from(JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]' })), type: 'application/json' },
	'onnx/model_quantized.onnx': { body: Buffer.from(onnxModel()), type: 'application/octet-stream' }
};

/** Serve the tiny model at the Hub's real URLs; count what was fetched. */
async function fakeHub(page: Page): Promise<string[]> {
	const served: string[] = [];
	await page.context().route(`${HUB}**`, (route) => {
		const path = route.request().url().slice(HUB.length).split('?')[0] ?? '';
		const f = files[path];
		served.push(path);
		if (!f) return route.fulfill({ status: 404, body: 'Entry not found' });
		return route.fulfill({ status: 200, body: f.body, headers: { 'content-type': f.type, 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' } });
	});
	return served;
}

/** What the model must give: mean of [CLS] w... [SEP] rows, normalised; then cosines. */
function expected(texts: string[]) {
	const t = table();
	const vecs = texts.map((text) => {
		const ids = [2, ...text.split(' ').map((w) => VOCAB.indexOf(w)), 3];
		const v = new Array(D).fill(0);
		for (const id of ids) for (let j = 0; j < D; j++) v[j] += t[id * D + j]! / ids.length;
		const n = Math.hypot(...v);
		return v.map((x) => x / n);
	});
	const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
	const sims = [cos(vecs[0]!, vecs[1]!), cos(vecs[0]!, vecs[2]!), cos(vecs[1]!, vecs[2]!)];
	return { sims, diversity: 1 - (2 * (sims[0]! + sims[1]! + sims[2]!)) / 6 };
}

test('the embedding model downloads only on request, is cached, and embeds in a worker', async ({ page, guard }) => {
	const served = await fakeHub(page);
	await page.goto('/device');
	const status = page.getByTestId('embedder-status');
	await expect(status).toHaveText('Not downloaded: reports use the offline fallback.');
	expect(served).toEqual([]); // nothing fetched before the user asks
	await page.getByRole('button', { name: 'Download the embedding model' }).click();
	await expect(status).toContainText('Ready: reports use all-MiniLM-L6-v2 sentence embeddings', { timeout: 60_000 });
	expect(served).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'onnx/model_quantized.onnx']));
	await page.getByRole('button', { name: 'Test it on three sentences' }).click();
	const e = expected(['the cat sat on the mat', 'a cat sat on a mat', 'stock prices fell sharply today']);
	const f = (x: number) => x.toFixed(3);
	await expect(page.getByTestId('embedder-selftest')).toHaveText(
		`Similarity of the paraphrases: ${f(e.sims[0]!)}; of unrelated sentences: ${f(e.sims[1]!)}, ${f(e.sims[2]!)}. Semantic diversity of the three: ${f(e.diversity)}.`
	);
	// A new page finds the model in the browser cache without any request to the Hub.
	served.length = 0;
	const again = await page.context().newPage();
	await again.goto('/device');
	await expect(again.getByTestId('embedder-status')).toContainText('Ready: reports use', { timeout: 60_000 });
	expect(served).toEqual([]);
	// The report then recomputes semantic diversity with the cached model, still without the Hub.
	await again.goto('/report?demo');
	const uses = again.getByText(/^Semantic diversity uses:/);
	await expect(uses).toContainText('hashed n-gram cosine (offline fallback)', { timeout: 60_000 });
	await again.getByRole('button', { name: 'Use the sentence-embedding model' }).click();
	await expect(again.getByText('Semantic diversity now uses the sentence-embedding model.')).toBeVisible({ timeout: 60_000 });
	await expect(uses).toContainText('all-MiniLM-L6-v2');
	await expect(again.getByRole('button', { name: 'Use the sentence-embedding model' })).toHaveCount(0);
	expect(served).toEqual([]);
	expect(guard.offsite).toEqual([]);
});

test('with downloads blocked the embedder says so and reports keep the offline fallback', async ({ page, guard }) => {
	await page.goto('/device');
	await page.getByRole('button', { name: 'Download the embedding model' }).click();
	await expect(page.getByTestId('embedder-error')).toContainText(
		'Could not download the sentence-embedding model Xenova/all-MiniLM-L6-v2 from huggingface.co: offline or blocked',
		{ timeout: 60_000 }
	);
	await expect(page.getByTestId('embedder-status')).toHaveText('Not available: reports use the offline fallback.');
	await expect(page.getByRole('button', { name: 'Retry the download' })).toBeVisible();
	expect(guard.offsite.every((u) => u.startsWith(HUB))).toBe(true);
	guard.offsite.length = 0; // the blocked Hub requests were the point of this test
});
