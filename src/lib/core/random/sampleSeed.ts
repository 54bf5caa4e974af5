import { hashString } from './hashString';

/**
 * The seed of one sample, derived from (study seed, model id, problem id, sample index) so that any
 * sample can be regenerated alone and a resumed run equals an uninterrupted one.
 * Definition (documented in the README): hashString(`${model}\u0000${problem}\u0000${index}`, studySeed)
 * reduced to 31 bits (engines accept a non-negative int32).
 */
export function sampleSeed(studySeed: number, model: string, problem: string, index: number): number {
	return hashString(`${model}\u0000${problem}\u0000${index}`, studySeed >>> 0) & 0x7fffffff;
}
