// A group-statistics worker of the report worker's pool (groupStatsPool.ts): tokens, n-gram
// counts, embeddings, equations, pass@k and maj@k of batches of (model, problem) groups.
import { createGroupStatsHandler, type GroupStatsRequest } from './groupStatsProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createGroupStatsHandler();

scope.onmessage = (e: MessageEvent<GroupStatsRequest>) => scope.postMessage(handle(e.data));
