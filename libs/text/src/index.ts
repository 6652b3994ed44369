export * from './detect-language';
export { SCRIPTS } from './dominant-script';
export { STOPWORDS } from './stop-words';
