import type { Random } from './mulberry32';

/** A uniform integer in [min, max] (both inclusive) from a seeded generator. */
export function randomInt(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}
