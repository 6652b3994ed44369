import { Injectable, Logger } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { ledeNames, namePairKeys } from './lede-names';
import { ledeNumbers, numbersAgree } from './lede-numbers';
import { ledeWords } from './lede-words';
import { bandKeys, estimatedJaccard, minhash, SAME_STORY } from './minhash';
import { sameEventOverlap } from './same-event';
import { StoryBand, StoryBandRepository } from './story-band.repository';

/**
 * How far apart in publishedAt a story and its republication or write-through may be. Templated
 * copy (a quake bulletin, a weather warning, a lottery draw) repeats nearly word for word days or
 * a week later as another story; republications come within hours or a day or two.
 */
export const STORY_WINDOW_MS = 72 * 3600 * 1000;

/** Whether a stored story was published close enough to the article to be the same story; stories stored without a time count as close. */
function withinWindow(candidate: StoryBand, publishedAt: number): boolean {
  if (candidate.publishedAt === undefined) return true;
  return Math.abs(Date.parse(candidate.publishedAt) - publishedAt) <= STORY_WINDOW_MS;
}

/**
 * Near-duplicates across sources (the same wire story republished) join one story cluster, and so do
 * other agencies' rewrites of the same event (same-event.ts); none is dropped.
 */
@Injectable()
export class StoryClusterFinder {
  private readonly logger = new Logger(StoryClusterFinder.name);

  constructor(private readonly bands: StoryBandRepository) {}

  /**
   * The cluster of the most similar earlier story, or a new cluster named after this article. A story
   * sharing enough shingles wins over one that only reports the same event; among those, the one
   * sharing most lede words.
   */
  async clusterFor(article: Article): Promise<string> {
    const signature = minhash(`${article.headline}\n${article.body}`);
    const keys = bandKeys(signature);
    const publishedAt = Date.parse(article.publishedAt);
    const numbers = ledeNumbers(article.headline, article.body);
    const { names, headlineNames } = ledeNames(article.headline, article.body, article.language);
    const namePairs = namePairKeys(names);
    const event = { publishedAt, names, headlineNames, ledeWords: ledeWords(article.headline, article.body) };
    try {
      let best: { cluster: string; score: number } | undefined;
      for (const candidate of await this.bands.find(keys, namePairs)) {
        if (candidate.articleId === article.id || !numbersAgree(numbers, candidate.ledeNumbers ?? [])) continue;
        const similarity = estimatedJaccard(signature, candidate.minhash);
        let score = 0;
        if (similarity >= SAME_STORY && withinWindow(candidate, publishedAt)) score = 1 + similarity;
        else score = sameEventOverlap(event, candidate);
        if (score > (best?.score ?? 0)) best = { cluster: candidate.storyClusterId, score };
      }
      const cluster = best?.cluster ?? article.id;
      const entry = { articleId: article.id, storyClusterId: cluster, minhash: signature, publishedAt: article.publishedAt, ledeNumbers: numbers, names, headlineNames, ledeWords: event.ledeWords };
      await this.bands.register(keys, entry, namePairs);
      return cluster;
    } catch (error) {
      // Clustering is an enrichment; a Redis outage must not refuse the story.
      this.logger.warn({ msg: 'story clustering unavailable; article gets its own cluster', articleId: article.id, error: String(error) });
      return article.id;
    }
  }
}
