// Worker-thread entry of `reversal-lab report --threads`: registers tsx's loader in this thread (a
// worker does not inherit the main thread's), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./groupStatsThread.ts');
