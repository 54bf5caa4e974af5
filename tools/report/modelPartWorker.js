// Worker-thread entry of a model part: registers tsx's loader in this thread (a worker does not
// inherit the main thread's), then runs the TypeScript part.
import { register } from 'tsx/esm/api';

register();
await import('./modelPartThread.ts');
