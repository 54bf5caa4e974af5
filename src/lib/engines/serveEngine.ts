// The worker side of the protocol: answers requests by calling the engine it is given, so it can
// be tested without a worker (over a MessageChannel, with any Engine).
import type { Engine } from './types';
import type { EngineReply, EngineRequest, MessageEndpoint } from './protocol';
import { isEngineRequest } from './protocol';
import { serializeError } from './errors';

export function serveEngine(endpoint: MessageEndpoint, engine: Engine): () => void {
	const inFlight = new Map<string, AbortController>();
	const reply = (m: EngineReply) => endpoint.postMessage(m);

	async function handle(m: EngineRequest): Promise<void> {
		if (m.kind === 'abort') {
			inFlight.get(m.target)?.abort();
			reply({ kind: 'result', id: m.id, value: null });
			return;
		}
		const controller = new AbortController();
		inFlight.set(m.id, controller);
		try {
			switch (m.kind) {
				case 'load':
					await engine.load(m.model, (progress) => reply({ kind: 'progress', id: m.id, progress }), controller.signal, m.options);
					reply({ kind: 'result', id: m.id, value: null });
					break;
				case 'complete':
					reply({ kind: 'result', id: m.id, value: await engine.complete(m.request, controller.signal) });
					break;
				case 'unload':
					await engine.unload();
					reply({ kind: 'result', id: m.id, value: null });
					break;
				case 'info':
					reply({ kind: 'result', id: m.id, value: await engine.info() });
					break;
			}
		} catch (e) {
			reply({ kind: 'error', id: m.id, error: serializeError(e) });
		} finally {
			inFlight.delete(m.id);
		}
	}

	const listener = (event: MessageEvent) => {
		if (isEngineRequest(event.data)) void handle(event.data);
	};
	endpoint.addEventListener('message', listener);
	return () => endpoint.removeEventListener('message', listener);
}
