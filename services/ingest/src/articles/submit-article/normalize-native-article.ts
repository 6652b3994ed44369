import { Article } from '@newsflow/contracts';
import { articleIdFor, contentHashOf } from '../article-identity';
import { NativeArticleRequest } from './native-article.request';

/** Turns an accepted request into the canonical article (version is assigned by the repository). */
export function normalizeNativeArticle(request: NativeArticleRequest, receivedAt: Date): Article {
  const [primary, ...rest] = request.language.split('-');
  return {
    id: articleIdFor(request.source, request.sourceItemId),
    version: 1,
    source: { id: request.source, ...(request.sourceName ? { name: request.sourceName } : {}) },
    sourceItemId: request.sourceItemId,
    headline: request.headline,
    ...(request.summary ? { summary: request.summary } : {}),
    body: request.body,
    ...(request.byline ? { byline: request.byline } : {}),
    language: [primary.toLowerCase(), ...rest].join('-'),
    ...(request.url ? { url: request.url } : {}),
    // A story without a publication time is treated as published when it reached us.
    publishedAt: request.publishedAt ?? receivedAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
    contentHash: contentHashOf(request.headline, request.body),
  };
}
