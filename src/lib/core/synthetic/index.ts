export { syntheticBundle, type SyntheticOptions } from './syntheticBundle';
