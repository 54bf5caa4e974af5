import { mulberry32 } from '../random';

/**
 * The random numbers of a problem-level bootstrap, drawn once: replicate b resamples a list of m
 * problems as floor(uniforms[b * stride + j] * m), j < m. Every estimate of a report uses the same
 * draws, so the same data and seed always give the same intervals, and the problem statistics are
 * resampled as arrays without drawing again.
 */
export interface BootstrapDraws {
	replicates: number;
	/** The largest list of problems these draws can resample. */
	stride: number;
	uniforms: Float64Array;
}

export function bootstrapDraws(replicates: number, maxProblems: number, seed: number): BootstrapDraws {
	if (!Number.isInteger(replicates) || replicates < 0) throw new RangeError(`bootstrap replicates must be a non-negative integer, got ${replicates}`);
	const stride = Math.max(1, maxProblems);
	const random = mulberry32(seed);
	const uniforms = new Float64Array(replicates * stride);
	for (let i = 0; i < uniforms.length; i++) uniforms[i] = random();
	return { replicates, stride, uniforms };
}
