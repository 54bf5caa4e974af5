// Worker-thread entry of the trainer's gradient helper: registers tsx's loader in this thread (a
// worker does not inherit the main thread's), then runs the TypeScript loop.
import { register } from 'tsx/esm/api';

register();
await import('./gradientThread.ts');
