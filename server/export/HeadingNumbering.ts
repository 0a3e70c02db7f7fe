import type { ExportHeading } from './ExportDocument.js';

/**
 * Numbers headings as an official document does (1., 1.1., 1.1.1.) and gives
 * each a unique ASCII anchor. A level that skips one (an H3 straight under an
 * H1) counts the missing level as 1 rather than writing "1.0.1.".
 */
export class HeadingNumbering {
  private readonly counters = [0, 0, 0];
  private anchors = 0;

  numbered(level: 1 | 2 | 3, text: string): ExportHeading {
    const index = level - 1;
    this.counters[index] = (this.counters[index] ?? 0) + 1;
    for (let deeper = index + 1; deeper < this.counters.length; deeper++) this.counters[deeper] = 0;
    const parts = this.counters.slice(0, level).map((count) => (count === 0 ? 1 : count));
    return { kind: 'heading', level, number: `${parts.join('.')}.`, text, anchor: this.nextAnchor() };
  }

  /** Annex headings carry their own wording ("Załącznik nr 1. …") and do not count. */
  unnumbered(level: 1 | 2 | 3, text: string): ExportHeading {
    return { kind: 'heading', level, number: '', text, anchor: this.nextAnchor() };
  }

  private nextAnchor(): string {
    this.anchors += 1;
    return `h${this.anchors}`;
  }
}
