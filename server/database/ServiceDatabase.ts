/** The statements a service runs, alone or inside a transaction; `?` placeholders on both backends. */
export interface ServiceQueries {
  get<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row | undefined>;
  all<Row>(sql: string, bindings?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs a statement for its effect. Where the number of changed rows matters, add
   * `RETURNING <column>` and use `all`: both SQLite and PostgreSQL return the changed rows.
   */
  run(sql: string, bindings?: readonly unknown[]): Promise<void>;
}

export type ServiceDialect = 'sqlite' | 'postgres';

/**
 * The services' tables (accounts, workspaces, plans, comments, proposals, versions, exports,
 * consultations) on SQLite or PostgreSQL; the document store keeps its own tables elsewhere.
 */
export interface ServiceDatabase extends ServiceQueries {
  readonly dialect: ServiceDialect;
  /**
   * Runs `work` in one transaction that nothing else interleaves with: SQLite's BEGIN IMMEDIATE on
   * the one connection, PostgreSQL's SERIALIZABLE, retried from the start when PostgreSQL reports
   * a conflict with a concurrent transaction (so `work` must only touch the database).
   */
  transaction<T>(work: (queries: ServiceQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
