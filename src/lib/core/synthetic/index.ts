export { syntheticBundle, type SyntheticOptions } from './syntheticBundle';
export { spreadFolds, type SpreadFolds } from './spreadFolds';
