import type { Knex } from 'knex';
import type { ServiceDatabase, ServiceDialect, ServiceQueries } from './ServiceDatabase.js';

/**
 * A conflict with concurrent transactions still fails after this many attempts. A burst of
 * numbered inserts (remarks sent at once) commits at least one per round, so this is generous.
 */
const MAX_TRANSACTION_ATTEMPTS = 30;
/** Longest pause before a retry; random below it, so the transactions that conflicted spread out. */
const MAX_RETRY_PAUSE_MS = 50;

/** What differs between the two backends once the SQL is the same. */
interface DialectBehaviour {
  begin: string;
  rowsOf(result: unknown): unknown[];
  isConflict(error: unknown): boolean;
}

const DIALECTS: Record<ServiceDialect, DialectBehaviour> = {
  // IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads, then writes, fails
  // outright (SQLITE_BUSY_SNAPSHOT, no busy wait) when the document store committed in between.
  sqlite: { begin: 'BEGIN IMMEDIATE', rowsOf: (result) => result as unknown[], isConflict: () => false },
  postgres: {
    begin: 'BEGIN ISOLATION LEVEL SERIALIZABLE',
    rowsOf: (result) => (result as { rows: unknown[] }).rows,
    // serialization_failure, deadlock_detected
    isConflict: (error) => typeof error === 'object' && error !== null && ['40001', '40P01'].includes(String((error as { code?: unknown }).code)),
  },
};

/** ServiceDatabase on one knex instance: raw SQL with `?` bindings, which knex renders for the dialect. */
export class KnexServiceDatabase implements ServiceDatabase {
  private readonly behaviour: DialectBehaviour;
  private readonly direct: ServiceQueries;

  constructor(
    private readonly knex: Knex,
    readonly dialect: ServiceDialect,
  ) {
    this.behaviour = DIALECTS[dialect];
    this.direct = this.queriesOn(null);
  }

  get<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row | undefined> {
    return this.direct.get<Row>(sql, bindings);
  }

  all<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row[]> {
    return this.direct.all<Row>(sql, bindings);
  }

  run(sql: string, bindings?: readonly unknown[]): Promise<void> {
    return this.direct.run(sql, bindings);
  }

  async transaction<T>(work: (queries: ServiceQueries) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // Held from BEGIN to COMMIT; on SQLite (a pool of one) no other statement can run meanwhile.
      const connection: unknown = await this.knex.client.acquireConnection();
      try {
        const queries = this.queriesOn(connection);
        await queries.run(this.behaviour.begin);
        try {
          const result = await work(queries);
          await queries.run('COMMIT');
          return result;
        } catch (error) {
          await queries.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } catch (error) {
        if (!(attempt < MAX_TRANSACTION_ATTEMPTS && this.behaviour.isConflict(error))) throw error;
      } finally {
        await this.knex.client.releaseConnection(connection);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_RETRY_PAUSE_MS, 2 ** attempt)));
    }
  }

  close(): Promise<void> {
    return this.knex.destroy();
  }

  private queriesOn(connection: unknown): ServiceQueries {
    const raw = (sql: string, bindings: readonly unknown[] = []): Promise<unknown[]> => {
      // sqlite3 binds undefined as NULL, knex refuses it: keep the services' old behaviour.
      const query = this.knex.raw(sql, bindings.map((value) => value ?? null) as Knex.RawBinding[]);
      return Promise.resolve(connection === null ? query : query.connection(connection)).then((result) => this.behaviour.rowsOf(result));
    };
    return {
      get: async <Row>(sql: string, bindings?: readonly unknown[]) => (await raw(sql, bindings))[0] as Row | undefined,
      all: async <Row>(sql: string, bindings?: readonly unknown[]) => (await raw(sql, bindings)) as Row[],
      run: async (sql: string, bindings?: readonly unknown[]) => {
        await raw(sql, bindings);
      },
    };
  }
}
