import type { ServiceDatabase, ServiceDialect, ServiceQueries } from './ServiceDatabase.js';

/**
 * A ServiceDatabase whose connection is made by the first statement, not when the server starts:
 * an idle server never loads what connecting needs (knex, a fifth of the code the compiled server
 * evaluated at start). The schema must already be up to date when this is made. A connection that
 * failed is tried again by the next statement.
 */
export class DeferredServiceDatabase implements ServiceDatabase {
  private connecting: Promise<ServiceDatabase> | null = null;
  private isClosed = false;

  constructor(
    readonly dialect: ServiceDialect,
    private readonly connect: () => Promise<ServiceDatabase>,
  ) {}

  async get<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row | undefined> {
    return (await this.connected()).get<Row>(sql, bindings);
  }

  async all<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row[]> {
    return (await this.connected()).all<Row>(sql, bindings);
  }

  async run(sql: string, bindings?: readonly unknown[]): Promise<void> {
    return (await this.connected()).run(sql, bindings);
  }

  async transaction<T>(work: (queries: ServiceQueries) => Promise<T>): Promise<T> {
    return (await this.connected()).transaction(work);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const connecting = this.connecting;
    if (connecting === null) return;
    const database = await connecting.catch(() => null);
    await database?.close();
  }

  private connected(): Promise<ServiceDatabase> {
    if (this.isClosed) return Promise.reject(new Error('the service database is closed'));
    if (this.connecting === null) {
      const connecting = this.connect();
      this.connecting = connecting;
      connecting.catch(() => {
        if (this.connecting === connecting) this.connecting = null;
      });
    }
    return this.connecting;
  }
}
