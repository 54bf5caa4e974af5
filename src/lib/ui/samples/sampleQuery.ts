// The samples query is pure data code and lives in core (src/lib/core/samples); components of
// the samples browser keep importing it from here.
export * from '$lib/core/samples/sampleQuery';
