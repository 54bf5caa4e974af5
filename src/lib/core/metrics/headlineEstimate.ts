import type { AccuracyBlock, Estimate } from './reportTypes';

/** The headline accuracy of a block: greedy pass@1 when it has a value, else sampled pass@1. */
export function headlineEstimate(block: AccuracyBlock | undefined): Estimate | undefined {
	if (!block) return undefined;
	return block.pass1Greedy.value !== undefined ? block.pass1Greedy : block.pass1Sampled;
}
