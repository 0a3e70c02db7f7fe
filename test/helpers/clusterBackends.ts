import { afterAll, beforeAll } from 'vitest';
import { PostgresCluster } from './PostgresCluster.js';
import { RedisServer } from './RedisServer.js';

export interface ClusterBackends {
  postgres: PostgresCluster;
  redis: RedisServer;
}

/** A private PostgreSQL for the calling test file, started before its tests and stopped after them. */
export function privatePostgres(): { readonly postgres: PostgresCluster } {
  let postgres: PostgresCluster | undefined;
  beforeAll(async () => {
    postgres = await PostgresCluster.start();
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  return {
    get postgres(): PostgresCluster {
      if (!postgres) throw new Error('PostgreSQL is not started yet (use it inside a test)');
      return postgres;
    },
  };
}

/**
 * A private PostgreSQL and a private redis-server for the calling test file: started before its
 * tests, stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function privateClusterBackends(): ClusterBackends {
  const backends: Partial<ClusterBackends> = {};
  beforeAll(async () => {
    [backends.postgres, backends.redis] = await Promise.all([PostgresCluster.start(), RedisServer.start()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([backends.postgres?.stop(), backends.redis?.stop()]);
  });
  return {
    get postgres(): PostgresCluster {
      if (!backends.postgres) throw new Error('PostgreSQL is not started yet (use it inside a test)');
      return backends.postgres;
    },
    get redis(): RedisServer {
      if (!backends.redis) throw new Error('Redis is not started yet (use it inside a test)');
      return backends.redis;
    },
  };
}
