import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite file with no other server', () => {
    const config = readConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBeNull();
  });

  it('takes PostgreSQL and Redis URLs, and names the instance', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://plans@db:5432/plans', REDIS_URL: 'redis://cache:6379', INSTANCE_ID: 'a' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://plans@db:5432/plans', redisUrl: 'redis://cache:6379', instanceId: 'a' });
  });

  it('refuses Redis without a shared database, and URLs of the wrong kind, in one message', () => {
    expect(() => readConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    let message = '';
    try {
      readConfig({ DATABASE_URL: 'mysql://db/plans', REDIS_URL: 'http://cache' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must/);
    expect(message).toMatch(/REDIS_URL must/);
  });
});
