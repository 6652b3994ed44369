/**
 * The contract's objects are loose: they keep keys they do not know, so a stage of this release
 * passes on what a newer release added (see README, "Consuming the final topic"). zod types a loose
 * object with an index signature (`[k: string]: unknown`), which would make a misspelt field read as
 * `unknown` instead of an error, and `Omit<Article, …>` lose every known field. The TypeScript types
 * are therefore the known fields only, at every depth; the values may carry more.
 */
export type KnownFields<T> = T extends readonly (infer E)[]
  ? KnownFields<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: KnownFields<T[K]> }
    : T;
