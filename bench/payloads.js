// Corpus items as what each entry point takes: ingest's native JSON, or the received event ingest
// would have published (for the topic mode and the relay baseline).
const { createHash } = require('node:crypto');

/** The native JSON submission; publishedAt is relative to now so a cached corpus never ages into the archive path. */
function toSubmission(item, now = Date.now()) {
  const submission = { sourceItemId: item.sourceItemId, headline: item.headline, body: item.body,
    publishedAt: new Date(now - item.publishedMinutesAgo * 60_000).toISOString() };
  if (item.language) submission.language = item.language;
  return submission;
}

/** The envelope on news.articles.received.v1 for `item` under `source`, keyed by the article id. */
function toReceivedMessage(item, source, runTag, now = Date.now()) {
  const { makeArticle, makeEnvelope } = require('@newsflow/contracts/testing');
  const { TOPICS } = require('@newsflow/contracts');
  const id = uuidFrom(`${runTag}:${source.id}:${item.sourceItemId}`);
  const article = makeArticle({ id, source, sourceItemId: item.sourceItemId, headline: item.headline, body: item.body,
    language: item.language ?? 'en', publishedAt: new Date(now - item.publishedMinutesAgo * 60_000).toISOString(),
    receivedAt: new Date(now).toISOString() });
  const envelope = makeEnvelope(TOPICS.articleReceived, { article }, { producer: 'bench@0.0.0' });
  return { key: id, value: JSON.stringify(envelope), headers: { 'event-id': envelope.eventId, 'event-type': envelope.type, 'content-type': 'application/json' } };
}

/** A UUID-shaped id derived from text (the contracts want a UUID; only uniqueness per run matters here). */
function uuidFrom(text) {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

module.exports = { toSubmission, toReceivedMessage };
