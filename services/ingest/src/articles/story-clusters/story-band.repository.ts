import { Inject, Injectable } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';

/** The first story seen with an LSH band key, `_id` = band key, so candidates are found by `_id` lookups alone. */
export interface StoryBand {
  _id: string;
  articleId: string;
  storyClusterId: string;
  minhash: number[];
}

@Injectable()
export class StoryBandRepository {
  private readonly collection: Collection<StoryBand>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<StoryBand>('ingest_story_bands');
  }

  async find(bands: string[]): Promise<StoryBand[]> {
    const found = await Promise.all(bands.map((band) => this.collection.findOne({ _id: band })));
    return found.filter((b): b is StoryBand => b !== null);
  }

  /** Registers the story under every band key not taken yet (first story wins). */
  async register(bands: string[], entry: Omit<StoryBand, '_id'>): Promise<void> {
    await Promise.all(
      bands.map((band) =>
        this.collection.insertOne({ _id: band, ...entry }).catch((error: { code?: number }) => {
          if (error.code !== 11000) throw error;
        }),
      ),
    );
  }
}
