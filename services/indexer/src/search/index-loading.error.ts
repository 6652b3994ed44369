/** A search while the index still loads at start-up: 503 with Retry-After, not a partial answer. */
export class IndexLoadingError extends Error {
  constructor(readonly loaded: number) {
    super(`the search index is still loading (${loaded} articles so far); try again shortly`);
    this.name = 'IndexLoadingError';
  }
}
