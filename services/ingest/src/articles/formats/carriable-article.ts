import { Article, ArticleSchema } from '@newsflow/contracts';
import { InputProblem } from './input-problem';

/**
 * The article's text, in bytes, that the pipeline's events carry at most. The topics take messages of
 * up to 8 MiB (ensure-topics.ts); the later stages add their sections to the article, so it may use
 * only part of that. A 2 MB plain-text story (the request limit) comes to ~4 MB with its HTML.
 */
export const MAX_ARTICLE_TEXT_BYTES = 5 * 1024 * 1024;

/**
 * Refuses, before anything is stored, an article the pipeline could not carry: one its contract
 * refuses (a 600-character item id) or one too large for its topics. Found only when publishing, such
 * an article was stored, answered 503 on every retry, and never delivered.
 */
export function checkCarriable(article: Article): Article {
  const checked = ArticleSchema.safeParse(article);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue.path.map(String).join('.') || 'article';
    throw new InputProblem(422, 'contract', `${field}: ${issue.message}`, field);
  }
  const bytes = [article.headline, article.summary, article.body, article.bodyHtml].reduce((sum, text) => sum + (text ? Buffer.byteLength(text) : 0), 0);
  if (bytes > MAX_ARTICLE_TEXT_BYTES) {
    throw new InputProblem(413, 'article-too-large',
      `the article's headline, summary and body (as text and as HTML) come to ${bytes} bytes; the pipeline carries at most ${MAX_ARTICLE_TEXT_BYTES}`, 'body');
  }
  return article;
}
