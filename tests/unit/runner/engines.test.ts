import { describe, expect, it } from 'vitest';
import { EnginePool } from '../../../src/lib/runner/engines';
import { ENGINE_KINDS, type EngineKindSpec } from '../../../src/lib/engines/registry';
import type { EngineKind, ModelRef } from '../../../src/lib/core/types';
import type { Engine } from '../../../src/lib/engines/types';

/** The registry's table with factories that make inert engines and count what they make. */
function kinds() {
	const made: { id: number; terminated: boolean }[] = [];
	const factory = async () => () => {
		const record = { id: made.length, terminated: false };
		made.push(record);
		return { id: record.id, terminate: () => (record.terminated = true) } as unknown as Engine & { terminate: () => void };
	};
	const table = Object.fromEntries(Object.entries(ENGINE_KINDS).map(([k, spec]) => [k, { ...spec, ...(spec.pool ? { factory } : {}) }])) as Record<EngineKind, EngineKindSpec>;
	return { table, made };
}

const m1: ModelRef = { id: 'M1', label: 'M1', engine: 'builtin', source: 'm1.gguf', order: 0 };
const m2: ModelRef = { id: 'M2', label: 'M2', engine: 'builtin', source: 'm2.gguf', order: 1 };
const id = (e: Engine) => (e as unknown as { id: number }).id;

describe('EnginePool', () => {
	it('engineFor(model, fresh, lane) gives each lane an engine of its own and keeps it across models', async () => {
		const { table, made } = kinds();
		const pool = new EnginePool({}, table);
		await pool.prepare([m1, m2]);
		const a = pool.engineFor(m1, false, 0);
		const b = pool.engineFor(m2, false, 1);
		expect(id(a)).not.toBe(id(b));
		// The next model on a lane reuses its engine (its worker), whatever the model.
		expect(pool.engineFor(m2, false, 0)).toBe(a);
		expect(pool.engineFor(m1, false, 1)).toBe(b);
		expect(pool.engineFor(m1, false)).toBe(a);
		// A fresh engine replaces only that lane's.
		const c = pool.engineFor(m1, true, 1);
		expect(made.map((r) => r.terminated)).toEqual([false, true, false]);
		expect(pool.engineFor(m2, false, 1)).toBe(c);
		pool.dispose();
		expect(made.every((r) => r.terminated)).toBe(true);
	});

	it('lanesFor(model) is the registry figure for built-in models and models trained in the page (the run context may set it), one or none for the others', () => {
		const { table } = kinds();
		expect(new EnginePool({ lanes: 3 }, table).lanesFor(m1)).toBe(3);
		expect(new EnginePool({}, table).lanesFor(m1)).toBeGreaterThanOrEqual(1);
		expect(new EnginePool({ lanes: 3 }, table).lanesFor({ ...m1, engine: 'wllama', training: {} } as unknown as ModelRef)).toBe(3);
		expect(new EnginePool({ lanes: 3 }, table).lanesFor({ ...m1, engine: 'wllama' })).toBe(1);
		for (const engine of ['webllm', 'openai'] as const) expect(new EnginePool({ lanes: 3 }, table).lanesFor({ ...m1, engine })).toBeUndefined();
	});
});
