// The samples browser's data side (index, filter, a live run's samples), run by the report worker.
export * from './sampleQuery';
export * from './outputGroups';
export * from './commonProblems';
export * from './showcaseProblem';
export * from './liveSamples';
