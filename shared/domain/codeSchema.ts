import { z } from 'zod';
import { TAXONOMY_CODES, type TaxonomyCodes, type TaxonomyListName } from './taxonomy.js';

/**
 * A zod schema accepting exactly the codes of one taxonomy list, failing with
 * "unknown code 'foo'" so an import error names the offending value.
 */
export function codeSchema<List extends TaxonomyListName>(list: List): z.ZodType<TaxonomyCodes[List]> {
  const codes = TAXONOMY_CODES[list] as readonly TaxonomyCodes[List][];
  return z.enum(codes as unknown as [TaxonomyCodes[List], ...TaxonomyCodes[List][]], {
    error: (issue) =>
      issue.input === undefined
        ? 'required'
        : typeof issue.input === 'string'
          ? `unknown code '${issue.input}'`
          : `expected a code from ${list}, received ${describeValue(issue.input)}`,
  }) as unknown as z.ZodType<TaxonomyCodes[List]>;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
