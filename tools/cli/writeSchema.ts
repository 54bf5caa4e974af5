// Regenerates schemas/bundle.schema.json from the zod schema: npx tsx tools/cli/writeSchema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleJsonSchema } from '../../src/lib/core/study';

const target = fileURLToPath(new URL('../../schemas/bundle.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(bundleJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${target}`);
