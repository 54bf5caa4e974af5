// A model part of the live report (partedReportBuilder.ts): some of a run's models, their samples'
// features, statistics and own reports, on the second core.
import { createModelPartHost, type PartRequest } from './modelPartProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createModelPartHost();

scope.onmessage = (e: MessageEvent<PartRequest>) => scope.postMessage(handle(e.data));
