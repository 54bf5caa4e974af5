// Serve GGUF models over the OpenAI API with real llama.cpp (node-llama-cpp), for trying the
// openai engine by hand and for the benchmark:
//   npx tsx tools/openai-server.ts [--port 8080] [--api-key KEY] [--slots 1] [--threads 1] [name=path.gguf ...]
// Without models it serves the built-in tiny family (static/models/manifest.json), named by id.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startOpenAiServer } from './openaiServer/server';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string' }, slots: { type: 'string' }, threads: { type: 'string' }, quiet: { type: 'boolean' } }
});
let models: Record<string, string>;
if (positionals.length) {
	models = Object.fromEntries(positionals.map((p) => p.split('=') as [string, string]));
} else {
	const dir = fileURLToPath(new URL('../static/models/', import.meta.url));
	const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { models: { id: string; file: string }[] };
	models = Object.fromEntries(manifest.models.map((m) => [m.id, `${dir}${m.file}`]));
}
const server = await startOpenAiServer({
	models,
	port: Number(values.port ?? 8080),
	...(values.host ? { host: values.host } : {}),
	...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
	slots: Number(values.slots ?? 1),
	threads: Number(values.threads ?? 1),
	...(values.quiet ? {} : { log: (l: string) => console.error(l) })
});
console.log(`OpenAI-compatible server (llama.cpp) at ${server.url} serving ${Object.keys(models).join(', ')}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
