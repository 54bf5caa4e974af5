import type { GradientHelper } from '../../src/lib/train/gradientHelper';

// Where a training step writes its files and how it reports: shared by M1 and the chains.
export interface TrainPlace {
	/** Folder of the GGUF files. */
	out: string;
	/** Folder of the per-model JSON entries a resumed run reads back. */
	cache: string;
	resume: boolean;
	log: (line: string) => void;
	/** A sweep's dry run: train and measure, write no model files. */
	noFiles?: boolean;
	/** A second thread for the trainer's gradients (time only: the bytes are the same without it). */
	helper?: GradientHelper | null;
}
