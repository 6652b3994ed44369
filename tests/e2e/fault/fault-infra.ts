import { join } from 'node:path';
import { REPO_ROOT } from '../../support/service-process';

// Plain CommonJS; typed loosely here.
 
const infra = require('../../../tools/infra') as {
  up(options?: { quiet?: boolean }): Promise<Record<'KAFKA_BROKERS' | 'MONGODB_URI' | 'REDIS_URL', string>>;
  down(options?: { purge?: boolean; quiet?: boolean }): Promise<void>;
  stopServer(name: InfraServer): Promise<boolean>;
  startServer(name: InfraServer): Promise<void>;
};

export type InfraServer = 'kafka' | 'ferretdb' | 'redis';

const ENV_VARS: Record<InfraServer, 'KAFKA_BROKERS' | 'MONGODB_URI' | 'REDIS_URL'> = {
  kafka: 'KAFKA_BROKERS', ferretdb: 'MONGODB_URI', redis: 'REDIS_URL',
};

/**
 * The fault suite restarts the broker, the database and the cache, so it runs on its own set of
 * servers (other ports, own state dir), never on the shared ones. Both the infra tool and the test
 * helpers read process.env, so the suite's values replace the shared ones until `stop` restores them.
 */
export class FaultInfra {
  private saved: Record<string, string | undefined> = {};
  env!: Record<'KAFKA_BROKERS' | 'MONGODB_URI' | 'REDIS_URL', string>;

  static readonly SETTINGS = {
    NEWSFLOW_STATE_DIR: join(REPO_ROOT, '.state', 'fault'),
    NEWSFLOW_KAFKA_PORT: '29092',
    NEWSFLOW_KAFKA_CONTROLLER_PORT: '29093',
    NEWSFLOW_MONGO_PORT: '27029',
    NEWSFLOW_REDIS_PORT: '6389',
  };

  async start(): Promise<void> {
    const keys = [...Object.keys(FaultInfra.SETTINGS), 'KAFKA_BROKERS', 'MONGODB_URI', 'REDIS_URL'];
    this.saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
    // Unset, or the infra tool would treat the shared servers as "external" and start nothing.
    for (const k of ['KAFKA_BROKERS', 'MONGODB_URI', 'REDIS_URL']) delete process.env[k];
    Object.assign(process.env, FaultInfra.SETTINGS);
    this.env = await infra.up({ quiet: true });
    Object.assign(process.env, this.env);
  }

  stopServer(name: InfraServer): Promise<boolean> {
    return infra.stopServer(name);
  }

  /**
   * The infra tool leaves a server alone when its variable is set (it is then "external"), and
   * `start` set all three for the services: hide this one's for the call, or nothing would start.
   */
  async startServer(name: InfraServer): Promise<void> {
    const envVar = ENV_VARS[name];
    const value = process.env[envVar];
    delete process.env[envVar];
    try {
      await infra.startServer(name);
    } finally {
      if (value !== undefined) process.env[envVar] = value;
    }
  }

  /** Stops the suite's servers, removes their data and gives process.env back to the other specs. */
  async stop(): Promise<void> {
    try {
      if (process.env.NEWSFLOW_STATE_DIR === FaultInfra.SETTINGS.NEWSFLOW_STATE_DIR) await infra.down({ purge: true, quiet: true });
    } finally {
      for (const [k, v] of Object.entries(this.saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }
}
