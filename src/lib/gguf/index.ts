export { charVocab, EOS_TEXT, TOKEN_TYPE, type CharVocab } from './charVocab';
export { writeGguf } from './writeGguf';
export { writeLlamaGguf, llamaTensorShapes, type LlamaConfig, type WriteLlamaOptions } from './writeLlamaGguf';
export { readGgufHeader, readGgufTensor, checkGgufBounds, type GgufHeader, type GgufTensorInfo } from './readGguf';
export { randomLlamaModel, TINY_CONFIG, type RandomModelOptions } from './randomLlamaModel';
export { toFloat16Bits, fromFloat16Bits } from './float16';
export { GgufError, isGgufError, type GgufErrorCode } from './errors';
export * from './ggufTypes';
