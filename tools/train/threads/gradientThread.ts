// The Node worker thread of the trainer's gradient helper.
import { workerData } from 'node:worker_threads';
import type { ModelConfig } from '../../../src/lib/train/config';
import { serveGradientJobs } from '../../../src/lib/train/helperLoop';
import type { SharedBuffers } from '../../../src/lib/train/sharedJobs';

const { config, buffers } = workerData as { config: ModelConfig; buffers: SharedBuffers };
serveGradientJobs(config, buffers);
