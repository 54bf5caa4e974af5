export { generateProblems, generateItem, strataOf, type GenerateOptions, type GeneratedProblem, type GeneratorFamily, type Stratum } from './generateProblems';
export { ARITHMETIC_LEVELS, generateArithmetic, chainExpression, type GeneratedItem } from './arithmetic';
export { WORD_NUMBERS, generateWordProblem, wordSteps } from './wordProblems';
