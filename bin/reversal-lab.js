#!/usr/bin/env node
// The package's command (`npx reversal-lab report <file>`): registers tsx's loader in this process
// so the TypeScript of tools/cli.ts and src/lib/core runs as is, on the same code as the app.
import { register } from 'tsx/esm/api';

register();
await import('../tools/cli.ts');
