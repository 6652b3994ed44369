export * from './detect-language';
export { SCRIPTS } from './dominant-script';
export { STOPWORDS } from './stop-words';
export { CJK_CHARACTER, cjkBigrams, forEachCjkSplit, hasCjk, splitCjkWords } from './cjk-bigrams';
