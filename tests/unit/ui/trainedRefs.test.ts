import { describe, expect, it } from 'vitest';
import type { ModelRef } from '../../../src/lib/core/types';
import type { TrainedModel } from '../../../src/lib/runner/storage';
import { isTrained, missingTrainedMessage, resolveTrained, trainedEntry, trainedRef, type TrainedRef } from '../../../src/lib/ui/study/trainedRefs';
import { trainingRecord } from '../../fixtures/trainingRecord';

const SHA_A = 'a1'.repeat(32);
const SHA_B = 'b2'.repeat(32);

function kept(id: string, label: string, sha: string, bytes = 1000): TrainedModel {
	return {
		ref: { id, label, engine: 'wllama', source: `file:${id}.gguf`, order: 5, training: trainingRecord(sha) },
		gguf: new Blob([new Uint8Array(bytes)]),
		createdAt: '2025-01-01T00:00:00.000Z'
	};
}

const builtin: ModelRef = { id: 'tiny-m1', label: 'M1', engine: 'builtin', source: 'tiny-m1.gguf', order: 0 };

describe('trainedRefs', () => {
	it('trainedEntry(t) gives the label, method, parent, sha256 prefix and size the picker shows', () => {
		expect(trainedEntry(kept('live-m2', 'M2 live', SHA_A, 480_512))).toEqual({
			sha256: SHA_A,
			label: 'M2 live',
			method: 'SFT',
			parent: 'M1',
			shaPrefix: 'a1a1a1a1a1a1',
			bytes: 480_512
		});
	});

	it('trainedRef(t, order, taken) keeps the training record and source, at the given order, under a free id', () => {
		const t = kept('live-m2', 'M2 live', SHA_A);
		const ref = trainedRef(t, 1, new Set(['tiny-m1']));
		expect(ref).toEqual({ ...t.ref, order: 1 });
		expect(isTrained(ref)).toBe(true);
		expect(isTrained(builtin)).toBe(false);
		expect(trainedRef(t, 2, new Set(['live-m2'])).id).toBe('live-m2-2');
	});

	it('resolveTrained(models, kept) matches by sha256, not id: files by the study id, the full record back', () => {
		const a = kept('live-m2', 'M2 live', SHA_A);
		// A link's copy: another id, and its record without the pool samples.
		const fromLink: TrainedRef = { ...a.ref, id: 'live-m2-2', order: 1, training: { ...a.ref.training, samples: [] } };
		const r = resolveTrained([builtin, fromLink], [kept('live-m2', 'M2 live', SHA_B), a]);
		expect(r.missing).toEqual([]);
		expect(Object.keys(r.files)).toEqual(['live-m2-2']);
		expect(r.files['live-m2-2']).toBe(a.gguf);
		expect(r.models[0]).toBe(builtin);
		expect(r.models[1]).toEqual({ ...fromLink, training: a.ref.training });
		expect((r.models[1] as TrainedRef).training.samples).toHaveLength(16);
	});

	it('resolveTrained names a trained model deleted since it was chosen, and missingTrainedMessage says what to do', () => {
		const chosen = trainedRef(kept('live-m2', 'M2 live', SHA_A), 1, new Set());
		const r = resolveTrained([builtin, chosen], [kept('live-m3', 'M3 live', SHA_B)]);
		expect(r.missing).toEqual([chosen]);
		expect(r.files).toEqual({});
		const message = missingTrainedMessage(r.missing);
		expect(message).toContain('M2 live (SFT from M1, sha256 a1a1a1a1a1a1) is not among the models trained in this browser');
		expect(message).toContain('Train it again on the demo page');
		expect(message).toContain('remove it from the study');
	});
});
