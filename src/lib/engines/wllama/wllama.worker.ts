// The wllama engine's worker: one engine, answering the protocol of ../protocol.ts.
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { serveEngine } from '../serveEngine';
import { WllamaEngine } from './wllamaEngine';
import type { MessageEndpoint } from '../protocol';

// The worker's name carries its one setting, since Vite fixes the worker URL at build time.
const scope = self as unknown as DedicatedWorkerGlobalScope;
serveEngine(scope as unknown as MessageEndpoint, new WllamaEngine({
	wasmUrl: new URL(wasmUrl, scope.location.href).href,
	cachePrompt: scope.name !== 'wllama-nocache'
}));
