// The page trainer's gradient helper: the live loop's second core, when the page is cross-origin
// isolated (shared memory). Says it is ready, then blocks in its loop until closed.
import type { ModelConfig } from '../train/config';
import { serveGradientJobs } from '../train/helperLoop';
import type { SharedBuffers } from '../train/sharedJobs';

self.onmessage = (e: MessageEvent<{ config: ModelConfig; buffers: SharedBuffers }>) => {
	(self as unknown as Worker).postMessage('ready');
	serveGradientJobs(e.data.config, e.data.buffers);
};
