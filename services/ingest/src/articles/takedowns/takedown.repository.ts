import { Inject, Injectable } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import type { TakenDownCopies } from './copy-fingerprint';

/**
 * An article an operator took down: submissions of it, and of its copy under any other article id,
 * are refused until an operator lifts it. `_id` = article id. Holds who and when, and hashes of the
 * copy, never the copy. `npm run purge` leaves this collection
 * alone on purpose: it is what keeps a purged story from coming back as a new version 1.
 */
export interface Takedown {
  _id: string;
  reason?: string;
  takenDownAt: Date;
  /** Of the kill request that listed it, to find the kill in the logs. */
  correlationId: string;
  /** So an operator can tell the desk which item it is without looking the article up. */
  sourceId: string;
  sourceItemId: string;
  /**
   * Of every version that carried copy (see takenDownCopiesOf), so the copy is refused also from
   * another source or under another item id. Absent on entries listed before they were kept: those
   * refuse by article id only until an operator kills the article again, which adds them.
   */
  contentHashes?: string[];
  copyFingerprints?: string[];
}

/**
 * One document, `_id` = 'generation', whose token changes with every change to the list: instances
 * poll it by `_id` (a hit uses the index, also on FerretDB) and reread the list only when it moved.
 * A random token rather than a counter: FerretDB's `$inc` is no compare-and-set, so two concurrent
 * changes could both write the same next number and an instance would miss the second.
 */
interface Generation {
  _id: 'generation';
  token: string;
  changedAt: Date;
}

export const TAKEDOWNS_COLLECTION = 'ingest_takedowns';

@Injectable()
export class TakedownRepository {
  private readonly takedowns: Collection<Takedown>;
  private readonly generations: Collection<Generation>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.takedowns = connection.collection<Takedown>(TAKEDOWNS_COLLECTION);
    this.generations = connection.collection<Generation>('ingest_takedowns_generation');
  }

  /** Null until the list was first changed. */
  async generation(): Promise<string | null> {
    return (await this.generations.findOne({ _id: 'generation' }))?.token ?? null;
  }

  /** Every entry: the list is small (takedowns are rare), and each instance holds it whole. */
  all(): Promise<Takedown[]> {
    return this.takedowns.find({}).toArray();
  }

  /** The listed article ids alone, read afresh: a dead-letter replay checks against the store, not an instance's copy. */
  async listedIds(): Promise<Set<string>> {
    return new Set((await this.takedowns.find({}, { projection: { _id: 1 } }).toArray()).map((takedown) => takedown._id));
  }

  /** A page in article id order, for operators. */
  page(limit: number, after?: string): Promise<Takedown[]> {
    return this.takedowns.find(after ? { _id: { $gt: after } } : {}).sort({ _id: 1 }).limit(limit).toArray();
  }

  find(articleId: string): Promise<Takedown | null> {
    return this.takedowns.findOne({ _id: articleId });
  }

  /** False when the article is listed already: the first takedown's record stands. */
  async insert(takedown: Takedown): Promise<boolean> {
    try {
      await this.takedowns.insertOne(takedown);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /** Adds fingerprints to a listed entry; `$addToSet`, so another instance's concurrent additions stay. False when it is not listed. */
  async addCopies(articleId: string, copies: TakenDownCopies): Promise<boolean> {
    const result = await this.takedowns.updateOne({ _id: articleId },
      { $addToSet: { contentHashes: { $each: copies.contentHashes }, copyFingerprints: { $each: copies.copyFingerprints } } });
    return result.matchedCount === 1;
  }

  async delete(articleId: string): Promise<boolean> {
    return (await this.takedowns.deleteOne({ _id: articleId })).deletedCount === 1;
  }

  /** After every change, so other instances reread the list on their next poll. */
  async bumpGeneration(): Promise<void> {
    await this.generations.updateOne({ _id: 'generation' }, { $set: { token: randomUUID(), changedAt: new Date() } }, { upsert: true });
  }
}
