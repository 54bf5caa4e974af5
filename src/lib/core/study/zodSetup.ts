// zod's fast path compiles parsers with Function(), and probes for it with Function('') first. The
// site's Content-Security-Policy forbids eval, so in a browser that probe is a reported violation
// (and the fast path is off anyway): there zod runs without it from the start. In Node (the CLI,
// the tests) it keeps its fast path. Every module that builds a zod schema imports this first.
import { z } from 'zod';

const node = typeof process !== 'undefined' && !!process.versions?.node;
z.config({ jitless: !node });
