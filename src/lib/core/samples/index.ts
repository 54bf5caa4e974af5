// The samples browser's data side (index and filter), run by the report worker.
export * from './sampleQuery';
export * from './outputGroups';
export * from './commonProblems';
export * from './showcaseProblem';
