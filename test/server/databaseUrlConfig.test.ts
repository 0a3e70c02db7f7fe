import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

describe('DATABASE_URL', () => {
  it('is absent by default: everything stays in the SQLite file', () => {
    expect(readConfig({}).databaseUrl).toBeNull();
    expect(readConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('takes a postgres:// or postgresql:// URL', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://plans@db:5432/plans' }).databaseUrl).toBe('postgres://plans@db:5432/plans');
    expect(readConfig({ DATABASE_URL: ' postgresql://plans@db/plans ' }).databaseUrl).toBe('postgresql://plans@db/plans');
  });

  it('refuses anything else with a message that says what it must be', () => {
    for (const url of ['mysql://plans@db/plans', 'db:5432/plans', 'sqlite:///data/plans.sqlite']) {
      expect(() => readConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL must be a PostgreSQL URL starting with postgres:\/\/ or postgresql:\/\//);
    }
  });
});
