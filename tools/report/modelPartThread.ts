// A model part of a parted report builder on a Node worker thread (the page's counterpart is
// src/lib/workers/modelPart.worker.ts): requests arrive on the port handed over in workerData.
import { workerData, type MessagePort } from 'node:worker_threads';
import { createModelPartHost, type PartRequest } from '../../src/lib/workers/modelPartProtocol';

const port = (workerData as { port: MessagePort }).port;
const handle = createModelPartHost();
port.on('message', (request: PartRequest) => port.postMessage(handle(request)));
