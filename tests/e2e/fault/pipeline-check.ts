import { deadLetterTopic, PipelineStage, TOPICS } from '@newsflow/contracts';
import { Connection } from 'mongoose';
import { ReadMessage, TopicReader } from '../../support/topic-reader';

/** The stages whose input a poison message lands on, and every consumer group that reads that topic. */
export const POISON_TARGETS: Array<{ stage: PipelineStage; topic: string; readBy: PipelineStage[] }> = [
  { stage: 'enricher', topic: TOPICS.articleReceived, readBy: ['enricher'] },
  // Ingest follows each article's progress on the later topics too, but only by their headers: a
  // message naming no article is left to the stage that owns the topic (counted and logged, never
  // parked a second time, where a replay would send the poison back to every reader).
  { stage: 'weather', topic: TOPICS.articleEnriched, readBy: ['weather'] },
  { stage: 'indexer', topic: TOPICS.articleWeatherAttached, readBy: ['indexer'] },
];

export const DEAD_LETTER_TOPICS = (['ingest', 'enricher', 'weather', 'indexer'] as const).map((stage) => deadLetterTopic(stage));

export interface IndexState {
  /** Accepted ids found in search_articles with the accepted version (or newer). */
  indexed: Set<string>;
  missing: string[];
  /** Documents beyond one per id (in the latest view and in the version history). */
  duplicates: number;
  /** Documents of the scenario's source that ingest never acknowledged. */
  unexpected: number;
}

/** Reads the indexer's stored documents for one source and compares them with what ingest accepted. */
export async function indexState(connection: Connection, sourceId: string, accepted: Map<string, number>): Promise<IndexState> {
  const latest = await connection.collection('search_articles').find({ sourceId }, { projection: { _id: 1, version: 1 } }).toArray();
  const versions = await connection.collection('search_article_versions').find({ sourceId }, { projection: { articleId: 1, version: 1 } }).toArray();
  const perId = new Map<string, number>();
  for (const doc of latest) perId.set(String(doc._id), (perId.get(String(doc._id)) ?? 0) + 1);
  const perVersion = new Map<string, number>();
  for (const doc of versions) perVersion.set(`${doc.articleId}:${doc.version}`, (perVersion.get(`${doc.articleId}:${doc.version}`) ?? 0) + 1);
  const count = (m: Map<string, number>) => [...m.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const indexed = new Set(latest.filter((d) => (accepted.get(String(d._id)) ?? Infinity) <= (d.version as number)).map((d) => String(d._id)));
  return {
    indexed,
    missing: [...accepted.keys()].filter((id) => !indexed.has(id)),
    duplicates: count(perId) + count(perVersion),
    unexpected: [...perId.keys()].filter((id) => !accepted.has(id)).length,
  };
}

/** Accepted articles whose id and version are not yet on the final topic, and repeats of those that are. */
export function finalTopicState(reader: TopicReader, accepted: Map<string, number>): { missing: string[]; repeats: number } {
  const seen = new Map<string, number>();
  for (const m of reader.messages) {
    if (m.topic !== TOPICS.articleIndexed || !m.key || !accepted.has(m.key)) continue;
    const version = (JSON.parse(m.value ?? '{}') as { articleVersion?: number }).articleVersion;
    const key = `${m.key}:${version}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const missing = [...accepted].filter(([id, version]) => !seen.has(`${id}:${version}`)).map(([id]) => id);
  const repeats = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { missing, repeats };
}

export interface DeadLetterCheck {
  /** Poison keys that are not (yet) on every dead-letter topic they belong on. */
  missing: string[];
  /** Dead letters that are not injected poison, or poison in a topic it does not belong in. */
  unexpected: ReadMessage[];
  /** Dead letters without an error code or with the wrong original topic. */
  withoutReason: ReadMessage[];
  count: number;
}

/** `poison` maps each injected key to the topic it was written to. */
export function deadLetterCheck(reader: TopicReader, poison: Map<string, string>): DeadLetterCheck {
  const letters = reader.messages.filter((m) => DEAD_LETTER_TOPICS.includes(m.topic));
  const expected = new Set<string>();
  for (const [key, topic] of poison) {
    for (const stage of POISON_TARGETS.find((t) => t.topic === topic)?.readBy ?? []) expected.add(`${deadLetterTopic(stage)}|${key}`);
  }
  const found = new Set(letters.map((m) => `${m.topic}|${m.key}`));
  return {
    missing: [...expected].filter((e) => !found.has(e)),
    unexpected: letters.filter((m) => !expected.has(`${m.topic}|${m.key}`)),
    withoutReason: letters.filter((m) => !m.headers['dlq-error-code'] || !m.headers['dlq-error-message']
      || (m.key !== null && poison.has(m.key) && m.headers['dlq-original-topic'] !== poison.get(m.key))),
    count: letters.length,
  };
}
