import type { ExportBlock } from './ExportDocument.js';

export type PageOrientation = 'portrait' | 'landscape';

/**
 * The orientation of the pages each top-level block is on: a landscape table's
 * own, and the headings right before it go with it (a chapter that opens with
 * the table is not left alone on an upright page); everything else upright.
 * Every renderer turns the pages where this changes, so all formats agree.
 */
export function pageOrientations(blocks: ExportBlock[]): PageOrientation[] {
  const orientations = blocks.map((block): PageOrientation => (block.kind === 'table' ? (block.orientation ?? 'portrait') : 'portrait'));
  for (let index = blocks.length - 2; index >= 0; index--) {
    if (blocks[index]?.kind === 'heading' && orientations[index + 1] === 'landscape') orientations[index] = 'landscape';
  }
  return orientations;
}
