import { Injectable } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { ArticleRepository, NearDuplicateKeys } from '../article.repository';
import { bandKeys, estimatedJaccard, minhash, SAME_STORY } from './minhash';

/** Near-duplicates across sources (the same wire story republished) join one story cluster; none is dropped. */
@Injectable()
export class StoryClusterFinder {
  constructor(private readonly articles: ArticleRepository) {}

  async keysFor(article: Article): Promise<NearDuplicateKeys> {
    const signature = minhash(`${article.headline}\n${article.body}`);
    const bands = bandKeys(signature);
    const candidates = await this.articles.candidatesSharingBands(article.id, bands);
    let best: { cluster: string; similarity: number } | undefined;
    for (const candidate of candidates) {
      const similarity = estimatedJaccard(signature, candidate.minhash ?? []);
      if (similarity >= SAME_STORY && similarity > (best?.similarity ?? 0)) best = { cluster: candidate.storyClusterId, similarity };
    }
    return { minhash: signature, minhashBands: bands, ...(best ? { similarCluster: best.cluster } : {}) };
  }
}
