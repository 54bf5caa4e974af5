export { hashString } from './hashString';
export { mulberry32, type Random } from './mulberry32';
export { randomInt } from './randomInt';
export { sampleSeed } from './sampleSeed';
