export { checkBundle } from './checkBundle';
export { formatIssues, formatPath, isStudyError, IssueList, MAX_ISSUES, StudyError, type Issue, type StudyErrorCode } from './errors';
export { importedModel, importedProblem, importedStudyConfig, inferAnswerType } from './importDefaults';
export { importSamplesJsonl, type ImportOptions, type ImportResult } from './importSamplesJsonl';
export { isGzip } from './isGzip';
export { MAX_LINE_CHARS, MAX_SAMPLES } from './limits';
export { SampleLineSchema, type SampleLine } from './lineSchema';
export { parseBundle, type BundleResult } from './parseBundle';
export { lineColumn, parseJsonText } from './parseJsonText';
export {
	BUNDLE_FORMAT,
	BUNDLE_VERSION,
	BundleSchema,
	EnvironmentSchema,
	ExtractorSchema,
	ModelRefSchema,
	ProblemSchema,
	ProblemSetRefSchema,
	PromptTemplateSchema,
	SampleSchema,
	SamplingParamsSchema,
	StudyConfigSchema
} from './schema';
export { bundleJsonSchema } from './bundleJsonSchema';
