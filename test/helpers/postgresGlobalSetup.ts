import type { TestProject } from 'vitest/node';
import { PostgresCluster } from './PostgresCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The private cluster's maintenance database, from which each test server gets a database of its own. */
    postgresAdminUrl: string;
  }
}

/** One private PostgreSQL cluster for the whole `postgres` test project (its start costs 1-2 s). */
export default async function startPostgresForProject(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await PostgresCluster.start();
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.stop();
}
