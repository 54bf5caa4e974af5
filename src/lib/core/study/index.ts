export { checkBundle } from './checkBundle';
export { formatIssues, formatPath, isStudyError, IssueList, MAX_ISSUES, StudyError, type Issue, type StudyErrorCode } from './errors';
export { importedModel, importedProblem, importedStudyConfig } from './importDefaults';
export { assembleBundle, type Entry, type ImportOptions, type ImportResult } from './assembleBundle';
export { importSamplesJsonl, parseLine } from './importSamplesJsonl';
export { isGzip } from './isGzip';
export { splitChunkLines } from './splitChunkLines';
export { MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_SAMPLES } from './limits';
export { SampleLineSchema, type SampleLine } from './lineSchema';
export { parseBundle, type BundleResult } from './parseBundle';
export { lineColumn, parseJsonText } from './parseJsonText';
export { jsonErrorOffset } from './jsonErrorOffset';
export { textOfBytes, type GunzipStream, type TextOfBytesOptions } from './textOfBytes';
export { concatBytes } from './concatBytes';
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
export { importLmEval, type LmEvalFile, type LmEvalOptions } from './importLmEval';
export { detectFormat, type StudyFileFormat } from './detectFormat';
export { readStudyText, type ReadOptions, type ReadResult } from './readStudyText';
export { modelFromName } from './modelFromName';
export { readStudyFiles, type StudyFile } from './readStudyFiles';
export { fromBase64Url, toBase64Url } from './base64url';
export { decodeStudyConfig, encodeStudyConfig, shareableModels, MAX_SHARE_CHARS, MAX_SHARE_JSON_BYTES, SHARE_PREFIX, type DecodeResult } from './shareCodec';
export { shareDictionary } from './shareDictionary';
export { createRegrader, regradeBundle, regradedStudy, type Regrader } from './regradeBundle';
export { TRUNCATION_WARN_SHARE, createTruncationTally, truncationOf, truncationWarnings, type Truncation, type TruncationTally } from './truncation';
export { samplesLineJsonSchema } from './samplesLineJsonSchema';
export { reproducibilityNote, serverKind } from './serverReproducibility';
