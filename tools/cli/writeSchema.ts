// Regenerates the JSON Schema files from the zod schemas: npx tsx tools/cli/writeSchema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleJsonSchema, samplesLineJsonSchema } from '../../src/lib/core/study';

for (const [file, schema] of [
	['bundle.schema.json', bundleJsonSchema()],
	['samples-line.schema.json', samplesLineJsonSchema()]
] as const) {
	const target = fileURLToPath(new URL(`../../schemas/${file}`, import.meta.url));
	writeFileSync(target, JSON.stringify(schema, null, '\t') + '\n');
	console.log(`wrote ${target}`);
}
