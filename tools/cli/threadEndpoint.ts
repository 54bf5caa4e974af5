// A Node worker thread seen as the page's Worker, so the command line's threads join the same pool
// (src/lib/workers/groupStatsPool.ts): a message event carries `data`, an error event its
// `message`. A thread that exits without an 'error' (process.exit, a native crash) is told as an
// error too, or the pool would wait for its answer forever.
import type { Worker } from 'node:worker_threads';
import type { GroupStatsEndpoint } from '../../src/lib/workers/groupStatsPool';

type Listener = (event: Event) => void;
type EventName = 'message' | 'error' | 'messageerror';
type Handler = [name: string, handler: Parameters<Worker['on']>[1]];

/** The thread's events that stand for each of the page's, and the event the listener is given. */
function handlersFor(type: EventName, listener: Listener): Handler[] {
	const told = (message: string) => listener({ message } as ErrorEvent);
	if (type === 'message') return [['message', (data: unknown) => listener({ data } as MessageEvent)]];
	if (type === 'messageerror') return [['messageerror', (e: Error) => told(e.message)]];
	return [
		['error', (e: Error) => told(e.message)],
		['exit', (code: number) => told(`the thread exited (code ${code})`)]
	];
}

export function threadEndpoint(worker: Worker): GroupStatsEndpoint {
	const registered = new Map<EventName, Map<Listener, Handler[]>>();
	return {
		postMessage(message, transfer) {
			worker.postMessage(message, transfer as ArrayBuffer[]);
		},
		addEventListener(type: EventName, listener: Listener) {
			const byListener = registered.get(type) ?? registered.set(type, new Map()).get(type)!;
			if (byListener.has(listener)) return;
			const handlers = handlersFor(type, listener);
			for (const [name, handler] of handlers) worker.on(name, handler);
			byListener.set(listener, handlers);
		},
		removeEventListener(type: EventName, listener: Listener) {
			for (const [name, handler] of registered.get(type)?.get(listener) ?? []) worker.off(name, handler);
			registered.get(type)?.delete(listener);
		}
	};
}
