import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelRef } from '../../../src/lib/core/types';
import { builtinFileFor, sha256Hex } from '../../../src/lib/engines/wllama/builtinFile';
import { builtinEntries, parseManifest } from '../../../src/lib/ui/study/builtinModels';
import { vetSharedModels } from '../../../src/lib/ui/study/sharedModels';

const manifestJson = JSON.parse(readFileSync(new URL('../../../static/models/manifest.json', import.meta.url), 'utf8')) as { models: { id: string; file: string; sha256: string }[] };
const builtins = builtinEntries(parseManifest(manifestJson));
const m1 = manifestJson.models[0]!;
const ref = (m: Partial<ModelRef>): ModelRef => ({ id: m1.id, label: 'M1', engine: 'builtin', source: m1.file, order: 0, ...m });

describe('vetSharedModels(shared, builtins)', () => {
	it('vetSharedModels takes a built-in model from the manifest by id, with its own label', () => {
		const v = vetSharedModels([ref({ label: 'anything' })], builtins);
		expect(v.models).toEqual([{ id: m1.id, label: 'M1', engine: 'builtin', source: m1.file, order: 0 }]);
		expect(v.pending).toEqual([]);
		expect(v.refused).toEqual([]);
	});

	it('vetSharedModels refuses a built-in model whose source points elsewhere, and an unknown built-in id', () => {
		const v = vetSharedModels([ref({ source: 'http://other-host/evil.gguf' }), ref({ id: 'tiny-m9', label: 'M9' })], builtins);
		expect(v.models).toEqual([]);
		expect(v.refused[0]).toBe(`The link's built-in M1 (id ${m1.id}) pointed at "http://other-host/evil.gguf" instead of the app's ${m1.file}: left out. Choose M1 from the built-in models if you want it.`);
		expect(v.refused[1]).toMatch(/^M9 is not built into this version of the app/);
	});

	it('vetSharedModels holds back a custom WebLLM model and GGUF URLs until confirmed, naming their hosts', () => {
		const webllm = ref({ id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', label: 'Qwen2.5 0.5B (q4f32, WebLLM)', engine: 'webllm', source: 'mlc:https://evil.example/w/|https://cdn.evil.example/lib.wasm' });
		const url = ref({ id: 'g', label: 'M1\u202E', engine: 'wllama', source: 'https://files.example/m.gguf' });
		const hf = ref({ id: 'h', label: 'Qwen', engine: 'wllama', source: 'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/q.gguf' });
		const prebuilt = ref({ id: 'p', label: 'SmolLM2', engine: 'webllm', source: 'SmolLM2-135M-Instruct-q0f32-MLC' });
		const v = vetSharedModels([webllm, url, hf, prebuilt], builtins);
		expect(v.pending.map((p) => p.hosts)).toEqual([['evil.example', 'cdn.evil.example'], ['files.example'], ['huggingface.co']]);
		expect(v.models.map((m) => [m.id, m.order])).toEqual([['p', 0]]);
	});
});

describe('builtinFileFor(model, manifest, baseUrl)', () => {
	it('builtinFileFor resolves the manifest file by id under the models folder, with its sha256', () => {
		expect(builtinFileFor(ref({}), manifestJson, 'https://app.example/sub/models/')).toEqual({ url: `https://app.example/sub/models/${m1.file}`, sha256: m1.sha256 });
	});

	it('builtinFileFor refuses a forged source, an unknown id and a manifest file outside the folder', () => {
		expect(() => builtinFileFor(ref({ source: 'http://other-host/evil.gguf' }), manifestJson, 'https://a/models/')).toThrow(/a link or file that changes a built-in model's source is refused/);
		expect(() => builtinFileFor(ref({ source: `../${m1.file}` }), manifestJson, 'https://a/models/')).toThrow(/refused/);
		expect(() => builtinFileFor(ref({ id: 'nope' }), manifestJson, 'https://a/models/')).toThrow(/is not a built-in model of this version/);
		const bad = { models: [{ id: m1.id, file: 'https://evil/x.gguf', sha256: m1.sha256 }] };
		expect(() => builtinFileFor(ref({ source: 'https://evil/x.gguf' }), bad, 'https://a/models/')).toThrow(/not a file of its models folder/);
	});

	it("sha256Hex of the shipped file equals the manifest's", async () => {
		const bytes = readFileSync(new URL(`../../../static/models/${m1.file}`, import.meta.url));
		expect(await sha256Hex(new Blob([bytes]))).toBe(m1.sha256);
	});
});
