import { readFile } from 'node:fs/promises';
import path from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The illustrative sample plan A as its file form (schemaVersion 1 or 2; both import). */
export async function readSamplePlan(projectRoot: string): Promise<Record<string, Json>> {
  return JSON.parse(await readFile(path.join(projectRoot, 'shared/domain/samples/sample-plan-a.json'), 'utf8')) as Record<string, Json>;
}

/**
 * The sample plan with every section's blocks repeated `times` times: a big
 * plan that still reads like a real one. Each copy after the first gets ids
 * with a `-<copy>` suffix, and every reference to an id (goalRef,
 * directionRefs, …) inside that copy follows, so the copies link among
 * themselves and the plan has no more warnings per block than the sample.
 */
export function repeatSampleBlocks(sample: Record<string, Json>, times: number): Record<string, Json> {
  const sections = asArray(sample['sections']);
  const ids = new Set<string>();
  for (const section of sections) for (const block of asArray(asObject(section)['blocks'])) collectIds(block, ids);
  return {
    ...sample,
    id: `${String(sample['id'])}-x${times}`,
    title: `${String(sample['title'])} (×${times})`,
    sections: sections.map((section) => {
      const blocks = asArray(asObject(section)['blocks']);
      const repeated: Json[] = [];
      for (let copy = 1; copy <= times; copy++) {
        for (const block of blocks) repeated.push(copy === 1 ? block : renameIds(block, ids, `-${copy}`));
      }
      return { ...asObject(section), blocks: repeated };
    }),
  };
}

/** How many typed blocks (blocks with an id) a plan file holds. */
export function countTypedBlocks(plan: Record<string, Json>): number {
  let count = 0;
  for (const section of asArray(plan['sections'])) for (const block of asArray(asObject(section)['blocks'])) if (typeof asObject(block)['id'] === 'string') count++;
  return count;
}

function collectIds(value: Json, ids: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, ids);
  } else if (value !== null && typeof value === 'object') {
    const id = value['id'];
    if (typeof id === 'string') ids.add(id);
    for (const child of Object.values(value)) collectIds(child, ids);
  }
}

function renameIds(value: Json, ids: ReadonlySet<string>, suffix: string): Json {
  if (typeof value === 'string') return ids.has(value) ? `${value}${suffix}` : value;
  if (Array.isArray(value)) return value.map((item) => renameIds(item, ids, suffix));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, renameIds(child, ids, suffix)]));
  }
  return value;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: Json | undefined): Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
