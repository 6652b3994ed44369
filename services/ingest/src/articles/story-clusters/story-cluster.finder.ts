import { Injectable, Logger } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { bandKeys, estimatedJaccard, minhash, SAME_STORY } from './minhash';
import { StoryBandRepository } from './story-band.repository';

/** Near-duplicates across sources (the same wire story republished) join one story cluster; none is dropped. */
@Injectable()
export class StoryClusterFinder {
  private readonly logger = new Logger(StoryClusterFinder.name);

  constructor(private readonly bands: StoryBandRepository) {}

  /** The cluster of the most similar earlier story, or a new cluster named after this article. */
  async clusterFor(article: Article): Promise<string> {
    const signature = minhash(`${article.headline}\n${article.body}`);
    const keys = bandKeys(signature);
    try {
      let best: { cluster: string; similarity: number } | undefined;
      for (const candidate of await this.bands.find(keys)) {
        if (candidate.articleId === article.id) continue;
        const similarity = estimatedJaccard(signature, candidate.minhash);
        if (similarity >= SAME_STORY && similarity > (best?.similarity ?? 0)) best = { cluster: candidate.storyClusterId, similarity };
      }
      const cluster = best?.cluster ?? article.id;
      await this.bands.register(keys, { articleId: article.id, storyClusterId: cluster, minhash: signature });
      return cluster;
    } catch (error) {
      // Clustering is an enrichment; a Redis outage must not refuse the story.
      this.logger.warn({ msg: 'story clustering unavailable; article gets its own cluster', articleId: article.id, error: String(error) });
      return article.id;
    }
  }
}
