import type { z } from 'zod';

/** What a route needs of its schema: `parse`, whose ZodError the error handler answers with a 400. */
export interface LazySchema<Output> {
  parse(input: unknown): Output;
}

/**
 * A zod schema built by its first `parse`, not when its module loads: constructing the routes'
 * schemas was most of zod's share of the server's start, for routes that may not be called for a while.
 */
export function lazySchema<Schema extends z.ZodType>(build: () => Schema): LazySchema<z.output<Schema>> {
  let schema: Schema | undefined;
  return { parse: (input) => (schema ??= build()).parse(input) };
}
