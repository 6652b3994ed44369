import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { HealthProbe } from '../health/health-probe';
import { unreachable } from './unreachable';

/**
 * Persistence runs on MongoDB and on FerretDB 1.24 alike, so queries here and in every repository
 * keep to what both support: no $text, $geoNear, 2dsphere, $lookup, $elemMatch, $facet, or TTL indexes.
 */
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
/** The linger (ms) of the repositories' InsertCoalescers: MONGO_INSERT_LINGER_MS. */
export const MONGO_INSERT_LINGER_MS = Symbol('MONGO_INSERT_LINGER_MS');

@Injectable()
export class MongoProbe implements HealthProbe {
  readonly name = 'mongodb';
  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}

  async check(): Promise<void> {
    if (!this.connection.db) throw new Error('not connected');
    await this.connection.db.admin().ping();
  }
}

@Injectable()
class MongoCloser implements OnApplicationShutdown {
  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({})
export class MongoModule {
  static forRoot(uri: string, { insertLingerMs = 0 }: { insertLingerMs?: number } = {}): DynamicModule {
    return {
      module: MongoModule,
      providers: [
        {
          provide: MONGO_CONNECTION,
          // Loaded here, not when the library is: the enricher and weather use no database, and
          // loading mongoose and its driver anyway raised their peaks in the bench by ~19 and ~10 MB.
          // autoIndex off: repositories create their indexes explicitly at start-up and await them.
          useFactory: async () => {
            const { default: mongoose } = await import('mongoose');
            return mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10000, autoIndex: false }).asPromise()
              .catch((error: unknown) => Promise.reject(unreachable('MongoDB', 'MONGODB_URI', uri, error)));
          },
        },
        { provide: MONGO_INSERT_LINGER_MS, useValue: insertLingerMs },
        MongoProbe,
        MongoCloser,
      ],
      exports: [MONGO_CONNECTION, MONGO_INSERT_LINGER_MS, MongoProbe],
    };
  }
}
